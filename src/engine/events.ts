/**
 * Integer event codes: the hot loop switches on these instead of calling a closure per event.
 * Their own module so that kinds, faults and the validator schedule events without importing the
 * simulation (no import loop in the engine: tests/engine/import-graph.test.ts).
 */
export const EV_ARRIVAL = 1; // a: client node, b: arrival token (-1 for closed loop)
export const EV_DELIVER = 2; // a: call id, b: call token — a message reaches the end of its link
export const EV_TIMEOUT = 3; // a: job id, b: token — the job stops waiting for its attempt
export const EV_SERVICE_DONE = 4; // a: job id, b: token
export const EV_RETRY = 5; // a: job id, b: token — backoff over, send the next attempt
export const EV_DEADLINE = 6; // a: root id, b: root gen — the user gives up
export const EV_FAULT = 7; // a: fault index, b: 0 apply / 1 revert
export const EV_TIMER_LANE = 8; // a: lane — the head of a timer lane is due (see TimerLanes)
export const EV_NODE_TIMER = 9; // a: job id, b: token — a kind's own timer on one of its jobs (NodeRuntime.onJobTimer)
export const EV_REPLICA_TIMER = 10; // a: node, b: replica — a kind's own timer on one of its replicas
