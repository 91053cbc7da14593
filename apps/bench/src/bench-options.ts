import type { BenchSettings } from './measure-target.js';
import { scenarios as allScenarios, selectScenarios, withoutResponseStorage, type Scenario } from './scenarios.js';
import { defaultGatewayCli, type GatewayLaunch } from './start-targets.js';

/** Everything a bench run is told through its environment (see the README for each variable). */
export interface BenchOptions {
  settings: BenchSettings;
  scenarios: Scenario[];
  pin: boolean;
  gatewayLogLevel: string;
  gateway: GatewayLaunch;
  baseline: GatewayLaunch | undefined;
  /** PostgreSQL for the gateways instead of a fresh PGlite folder each. */
  databaseUrl: string | undefined;
  /** False: the Responses scenarios send `store: false`. */
  responseStore: boolean;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Splits a node-arguments variable on whitespace (`--import /tmp/hook.mjs --max-old-space-size=512`). */
export function splitArguments(value: string | undefined): string[] {
  return (value ?? '').split(/\s+/).filter((part) => part !== '');
}

/** Reads the bench's knobs from the environment, with the documented defaults. */
export function benchOptionsFrom(environment: Readonly<Record<string, string | undefined>>): BenchOptions {
  const responseStore = environment.BENCH_RESPONSE_STORE !== 'false';
  const baselineCli = nonEmpty(environment.BENCH_BASELINE_GATEWAY_CLI);
  const baselineArguments = splitArguments(environment.BENCH_BASELINE_NODE_ARGS);
  const gatewayCli = nonEmpty(environment.BENCH_GATEWAY_CLI) ?? defaultGatewayCli;
  return {
    settings: {
      connections: Number(environment.BENCH_CONNECTIONS ?? 16),
      rounds: Number(environment.BENCH_ROUNDS ?? 3),
      durationSeconds: Number(environment.BENCH_DURATION_S ?? 1.5),
      warmupSeconds: Number(environment.BENCH_WARMUP_S ?? 1),
      firstByteRequests: Number(environment.BENCH_FIRST_BYTE_REQUESTS ?? 200),
      firstByteConcurrency: Number(environment.BENCH_FIRST_BYTE_CONCURRENCY ?? 4),
    },
    scenarios: selectScenarios(responseStore ? allScenarios : withoutResponseStorage(allScenarios), environment.BENCH_SCENARIOS),
    pin: environment.BENCH_PIN === '1',
    gatewayLogLevel: environment.BENCH_GATEWAY_LOG_LEVEL ?? 'warn',
    gateway: { cli: gatewayCli, nodeArguments: splitArguments(environment.BENCH_GATEWAY_NODE_ARGS) },
    baseline:
      baselineCli === undefined && baselineArguments.length === 0 ? undefined : { cli: baselineCli ?? gatewayCli, nodeArguments: baselineArguments },
    databaseUrl: nonEmpty(environment.BENCH_DATABASE_URL),
    responseStore,
  };
}
