import { isWorking, PHASE_BACKOFF, PHASE_WAITING, type Call } from './call.ts';
import { PASS, REFUSE } from './circuit-breaker.ts';
import { EV_RETRY, EV_TIMEOUT } from './events.ts';
import type { NodeRuntime } from './kinds/node-runtime.ts';
import { OK, R_CANCELLED, R_CIRCUIT_OPEN, R_LINK_DOWN, R_NODE_DOWN } from './reasons.ts';
import { backoffDelayMs, type StepPlan } from './steps.ts';
import { CallTransport } from './transport.ts';

/** The attempt went to the breaker's fallback target: its outcome says nothing about the primary. */
const FALLBACK = 3;

/**
 * The caller side of every job (client roots, services, balancers, a cache's fetches): its steps
 * in order, each an attempt with a timeout, retries with backoff, a retry budget and a circuit
 * breaker. A kind hands a job to `runSteps` and hears back through `finishJob`.
 */
export abstract class CallerSteps extends CallTransport {
  /** Runs the job's next downstream step, or finishes it when none is left. */
  runSteps(job: Call): void {
    const node = this.nodes[job.node];
    const plans = node.plansByClass[job.classIndex];
    if (node.hasStepHooks) while (job.step < plans.length && node.skipsStep(this, job)) job.step++;
    if (job.step >= plans.length) node.finishJob(this, job, OK);
    else this.attempt(job);
  }

  protected attempt(job: Call): void {
    const node = this.nodes[job.node];
    const plan = node.plansByClass[job.classIndex][job.step];
    job.stepAttempts++;
    if (job.stepAttempts > 1) node.retriesSent++;
    let target = plan.toNode >= 0 ? plan.toNode : node.pickTarget(this, job);
    let route = plan.route;
    job.admission = PASS;
    if (plan.guarded) {
      // Budgets and breakers live out of line: most calls have neither.
      const redirected = this.admitGuarded(job, plan, node);
      if (redirected === -2) return;
      if (redirected >= 0) {
        target = redirected;
        route = plan.fallbackRoute;
      }
    }
    if (target < 0) {
      this.onAttemptResult(job, R_NODE_DOWN);
      return;
    }
    const link = (route ?? node.routeTo(target))?.pick(this.nowMs) ?? null;
    if (link === null) {
      this.onAttemptResult(job, R_LINK_DOWN);
      return;
    }
    node.attemptStarted(job, target);
    const child = this.pool.acquire();
    child.node = target;
    child.parent = job;
    child.link = link.index;
    child.classIndex = job.classIndex;
    child.tokenKey = job.tokenKey;
    child.tokenExpiresMs = job.tokenExpiresMs;
    child.originMs = job.originMs;
    // The callee may as well know when its caller stops waiting: this attempt's timeout counts too.
    child.deadlineMs = node.propagatesDeadline ? Math.min(job.deadlineMs, this.nowMs + plan.timeoutMs) : Infinity;
    job.child = child;
    job.childTarget = target;
    job.phase = PHASE_WAITING;
    this.invalidate(job);
    if (plan.timeoutMs !== Infinity) {
      if (plan.timeoutLane < 0) plan.timeoutLane = this.timers.laneFor(plan.timeoutMs);
      this.timers.set(plan.timeoutLane, this.nowMs + plan.timeoutMs, EV_TIMEOUT, job.id, job.token);
    }
    this.transmit(child, link, false);
  }

  /**
   * Counts a step's first attempt for its retry budget and passes the attempt through its
   * circuit breaker. Returns -1 to go on as planned, a node to send to instead (the fallback), or
   * -2 when the breaker refused and the job has been finished with `circuitOpen`.
   */
  private admitGuarded(job: Call, plan: StepPlan, node: NodeRuntime): number {
    if (job.stepAttempts === 1) plan.control?.onRequest(this.nowMs);
    if (plan.breaker === null) return -1;
    const admission = plan.breaker.admit(this.nowMs);
    if (admission !== REFUSE) {
      job.admission = admission;
      return -1;
    }
    if (plan.fallbackNode < 0) {
      // Refused without trying: not an attempt, and retrying into an open breaker is pointless.
      this.invalidate(job);
      node.finishJob(this, job, R_CIRCUIT_OPEN);
      return -2;
    }
    job.admission = FALLBACK;
    return plan.fallbackNode;
  }

  /** The current attempt of `job` ended with `result` (OK or a reason): next step, retry, or fail. */
  protected onAttemptResult(job: Call, result: number): void {
    this.invalidate(job);
    const node = this.nodes[job.node];
    const plan = node.plansByClass[job.classIndex][job.step];
    if (plan.guarded) {
      plan.control?.onAttemptEnded(this.nowMs, result === OK);
      if (plan.breaker !== null && job.admission !== FALLBACK) plan.breaker.record(this.nowMs, job.admission, result === OK);
    }
    if (node.hasStepHooks && node.interceptResult(this, job, result)) return;
    if (result === OK) {
      job.step++;
      job.stepAttempts = 0;
      job.lastBackoffMs = 0;
      this.runSteps(job);
      return;
    }
    const retry = plan.retry;
    if (job.stepAttempts >= retry.attempts || (plan.control !== null && !plan.control.allowRetry(this.nowMs))) {
      node.finishJob(this, job, result);
      return;
    }
    const delayMs = backoffDelayMs(retry, job.stepAttempts, job, node.retryRng);
    if (delayMs <= 0) {
      this.attempt(job);
      return;
    }
    job.phase = PHASE_BACKOFF;
    this.scheduleCall(job, this.nowMs + delayMs, EV_RETRY);
  }

  /** The job stops waiting for its current attempt; the attempt's work goes on, unwatched. */
  abandonAttempt(job: Call): void {
    const child = job.child;
    if (child !== null) {
      child.parentGaveUp = true;
      child.gaveUpAtMs = this.nowMs;
      job.child = null;
      const callee = this.nodes[child.node];
      if (callee.cancelsOnGiveUp && isWorking(child.phase)) callee.abortJob(this, child, R_CANCELLED);
    }
    if (job.childTarget >= 0) {
      this.nodes[job.node].attemptEnded(job, job.childTarget);
      job.childTarget = -1;
    }
  }
}
