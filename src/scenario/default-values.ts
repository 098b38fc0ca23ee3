/**
 * Defaults that are named constants rather than a field's `.prefault` alone, zod-free: the parser
 * applies the first two itself (they depend on other fields), and the inspector shows them; the
 * schemas (auth.ts, client.ts) write them into their descriptions and prefaults from here.
 */
/** A closed-loop client's pause between a user's requests, in ms, when `think` is left out. */
export const CLOSED_LOOP_DEFAULTS = { think: 0 } as const;
export const CLIENT_AUTH_DEFAULTS = { openLoopSessions: 1000, refreshBefore: '5m' } as const;
export const VALIDATOR_DEFAULTS = { minRefreshInterval: 0, negativeTtl: 0, fetchTimeout: '10s' } as const;
