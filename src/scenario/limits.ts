/**
 * Hard limits on what a scenario may ask for, so a hostile or mistaken file cannot freeze the
 * tab or the CLI while being read, and cannot ask the engine for absurd amounts of memory.
 * Each is checked with a message that names the limit.
 */

const DAY_MS = 86_400_000;

export const SCENARIO_LIMITS = {
  maxNodes: 2000,
  maxLinks: 10_000,
  maxFaults: 10_000,
  maxGuideSteps: 1000,
  maxProbes: 1000,
  maxAlerts: 1000,
  maxDurationMs: 30 * DAY_MS,
  minSampleEveryMs: 1,
  /** duration / sampleEvery: the number of points in every series. */
  maxSamples: 1_000_000,
  /** Summed over every open-loop client (and per client, and per setRate fault). */
  maxTotalRatePerSec: 1_000_000,
  /**
   * Open-loop rate × duration: the requests a run would create. The engine manages a few million
   * requests per second, so this caps a run at roughly a quarter of an hour of computing.
   */
  maxRequestsPerRun: 2_000_000_000,
  /** Summed over every closed-loop client. */
  maxTotalUsers: 1_000_000,
  maxRetryAttempts: 100,
  maxWorkers: 1_000_000,
  maxClassesPerClient: 100,
  maxCallsPerNode: 100,
  maxBulkheadsPerNode: 100,
  /** Keys of one cache: the engine keeps per-key state. */
  maxCacheKeys: 1_000_000,
  /** Token holders of one client with `auth`: the engine keeps per-session state. */
  maxSessions: 1_000_000,
  /** Summed over every client with `auth`: room for the most users plus one large open-loop client. */
  maxTotalSessions: 2_000_000,
  /** Instances of one node; each has its own pools, queues and validator cache. */
  maxReplicas: 100_000,
  /** Summed over every node (a node without `replicas` counts 1). */
  maxTotalReplicas: 1_000_000,
  /** Distinct signing-key ids in a scenario (signing keys, key-set keys, fault keys): the engine keeps a key set as a 31-bit mask. */
  maxKeyIds: 31,
  maxNameLength: 200,
  maxLabelLength: 200,
  maxClassNameLength: 64,
  maxGuideTitleLength: 200,
  maxGuideTextLength: 100_000,
  maxDescriptionLength: 100_000,
  /** parseScenarioText only: UTF-8 size of the file. */
  maxTextBytes: 5 * 1024 * 1024,
  /** Errors reported for one file; the rest are counted in a last line. */
  maxReportedErrors: 1000,
} as const;
