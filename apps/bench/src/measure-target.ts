import { measureFirstByte } from './load/measure-first-byte.js';
import { runLoad } from './load/run-load.js';
import { readProcessCpuMs, readProcessRssMiB } from './process/read-process-cpu-ms.js';
import type { Scenario } from './scenarios.js';

export interface Target {
  name: 'direct' | 'floor' | 'gateway';
  /** The process whose CPU is charged to this target (the fake itself for `direct`). */
  pid: number;
  url: string;
  apiKey: string;
  model: string;
}

export interface BenchSettings {
  connections: number;
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

/** Warm-up, then a measured closed-loop window (CPU read around it), then a first-byte probe for streams. */
export async function measureTarget(target: Target, scenario: Scenario, settings: BenchSettings): Promise<TargetMeasurement> {
  const url = `${target.url}${scenario.path}`;
  const body = scenario.body(target.model);
  const load = { url, apiKey: target.apiKey, body, connections: settings.connections };
  await runLoad({ ...load, durationSeconds: settings.warmupSeconds });
  const cpuBefore = readProcessCpuMs(target.pid);
  const result = await runLoad({ ...load, durationSeconds: settings.durationSeconds });
  const cpuAfter = readProcessCpuMs(target.pid);
  const rssMiB = readProcessRssMiB(target.pid);
  const firstByte = scenario.stream
    ? await measureFirstByte({
        url,
        apiKey: target.apiKey,
        body,
        requests: settings.firstByteRequests,
        concurrency: settings.firstByteConcurrency,
      })
    : undefined;
  return {
    requests: result.requests,
    requestsPerSecond: result.requestsPerSecond,
    latencyP50Ms: result.latencyP50Ms,
    latencyP99Ms: result.latencyP99Ms,
    firstByteP50Ms: firstByte?.firstByteP50Ms ?? null,
    firstByteP99Ms: firstByte?.firstByteP99Ms ?? null,
    cpuMsPerRequest: result.requests > 0 ? (cpuAfter - cpuBefore) / result.requests : Number.NaN,
    rssMiB,
    failures: result.failures + (firstByte?.failures ?? 0),
  };
}
