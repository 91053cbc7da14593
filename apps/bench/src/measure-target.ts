import { measureFirstByte, percentile } from './load/measure-first-byte.js';
import { runLoad } from './load/run-load.js';
import { readProcessCpuMs, readProcessRssMiB } from './process/read-process-cpu-ms.js';
import type { Scenario } from './scenarios.js';

export interface Target {
  name: 'direct' | 'floor' | 'gateway' | 'baseline';
  /** The process whose CPU is charged to this target (the fake itself for `direct`). */
  pid: number;
  url: string;
  apiKey: string;
  model: string;
}

export interface BenchSettings {
  connections: number;
  /** Interleaved measured rounds per scenario (targets alternate within each round). */
  rounds: number;
  durationSeconds: number;
  warmupSeconds: number;
  firstByteRequests: number;
  firstByteConcurrency: number;
}

export interface TargetMeasurement {
  requests: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  firstByteP50Ms: number | null;
  firstByteP99Ms: number | null;
  cpuMsPerRequest: number;
  rssMiB: number;
  failures: number;
}

/** Sends one request and checks the answer looks right, so a broken target is not benchmarked. */
export async function smokeCheck(target: Target, scenario: Scenario): Promise<string | undefined> {
  try {
    const response = await fetch(`${target.url}${scenario.path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${target.apiKey}`, 'content-type': 'application/json' },
      body: scenario.body(target.model),
    });
    const text = await response.text();
    const marker = scenario.stream ? (scenario.path === '/responses' ? 'response.completed' : '[DONE]') : 'Echo: ';
    if (response.status !== 200 || !text.includes(marker)) return `HTTP ${response.status}: ${text.slice(0, 300)}`;
    return undefined;
  } catch (error) {
    return String(error);
  }
}

export interface RoundResult {
  requests: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  cpuMsPerRequest: number;
  failures: number;
}

function loadFor(target: Target, scenario: Scenario, settings: BenchSettings) {
  return { url: `${target.url}${scenario.path}`, apiKey: target.apiKey, body: scenario.body(target.model), connections: settings.connections };
}

/** Unmeasured load so JIT, connection pools and caches are warm. */
export async function warmUp(target: Target, scenario: Scenario, settings: BenchSettings): Promise<void> {
  await runLoad({ ...loadFor(target, scenario, settings), durationSeconds: settings.warmupSeconds });
}

/** One measured closed-loop window, with the target process's CPU time read around it. */
export async function measureRound(target: Target, scenario: Scenario, settings: BenchSettings): Promise<RoundResult> {
  const cpuBefore = readProcessCpuMs(target.pid);
  const result = await runLoad({ ...loadFor(target, scenario, settings), durationSeconds: settings.durationSeconds });
  const cpuAfter = readProcessCpuMs(target.pid);
  return { ...result, cpuMsPerRequest: result.requests > 0 ? (cpuAfter - cpuBefore) / result.requests : Number.NaN };
}

/** Medians over the rounds (robust to a noisy neighbour during one round), plus RSS and the first-byte probe. */
export async function summarise(
  target: Target,
  scenario: Scenario,
  settings: BenchSettings,
  rounds: RoundResult[],
): Promise<TargetMeasurement> {
  const firstByte = scenario.stream
    ? await measureFirstByte({
        url: `${target.url}${scenario.path}`,
        apiKey: target.apiKey,
        body: scenario.body(target.model),
        requests: settings.firstByteRequests,
        concurrency: settings.firstByteConcurrency,
      })
    : undefined;
  const median = (pick: (round: RoundResult) => number): number => {
    const values = rounds.map(pick).sort((left, right) => left - right);
    return percentile(values, 0.5);
  };
  return {
    requests: rounds.reduce((total, round) => total + round.requests, 0),
    requestsPerSecond: median((round) => round.requestsPerSecond),
    latencyP50Ms: median((round) => round.latencyP50Ms),
    latencyP99Ms: median((round) => round.latencyP99Ms),
    firstByteP50Ms: firstByte?.firstByteP50Ms ?? null,
    firstByteP99Ms: firstByte?.firstByteP99Ms ?? null,
    cpuMsPerRequest: median((round) => round.cpuMsPerRequest),
    rssMiB: readProcessRssMiB(target.pid),
    failures: rounds.reduce((total, round) => total + round.failures, 0) + (firstByte?.failures ?? 0),
  };
}
