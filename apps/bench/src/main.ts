#!/usr/bin/env node
// `pnpm bench`: the fake upstream directly, a raw pass-through floor and the gateway, side by side in one run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { measureTarget, smokeCheck, type BenchSettings, type Target, type TargetMeasurement } from './measure-target.js';
import { compareWithFloor, type ScenarioComparison } from './report/compute-ratios.js';
import { formatTable } from './report/format-table.js';
import { scenarios } from './scenarios.js';
import { defaultGatewayCli, startTargets } from './start-targets.js';

const environment = process.env;
const settings: BenchSettings = {
  connections: Number(environment.BENCH_CONNECTIONS ?? 16),
  durationSeconds: Number(environment.BENCH_DURATION_S ?? 4),
  warmupSeconds: Number(environment.BENCH_WARMUP_S ?? 1),
  firstByteRequests: Number(environment.BENCH_FIRST_BYTE_REQUESTS ?? 200),
  firstByteConcurrency: Number(environment.BENCH_FIRST_BYTE_CONCURRENCY ?? 4),
};
const pin = environment.BENCH_PIN === '1';
const gatewayLogLevel = environment.BENCH_GATEWAY_LOG_LEVEL ?? 'warn';

const started = await startTargets({ pin, gatewayCli: environment.BENCH_GATEWAY_CLI ?? defaultGatewayCli, gatewayLogLevel });
const targets: Target[] = [
  { name: 'direct', pid: started.upstream.pid, url: started.upstream.url, apiKey: 'sk-bench', model: 'gpt-4o-mini' },
  { name: 'floor', pid: started.floor.pid, url: started.floor.url, apiKey: 'sk-bench', model: 'gpt-4o-mini' },
];
if (started.gateway !== undefined) {
  targets.push({ name: 'gateway', pid: started.gateway.pid, url: started.gateway.url, apiKey: 'bench-key', model: 'openai/gpt-4o-mini' });
}

const measurements: Record<string, Partial<Record<Target['name'], TargetMeasurement>>> = {};
const skipped: Record<string, string> = {};
if (started.gatewaySkipped !== undefined) skipped.gateway = started.gatewaySkipped;
try {
  for (const scenario of scenarios) {
    const row: Partial<Record<Target['name'], TargetMeasurement>> = {};
    for (const target of targets) {
      const problem = await smokeCheck(target, scenario);
      if (problem !== undefined) {
        skipped[`${target.name}/${scenario.name}`] = problem;
        process.stderr.write(`skip ${target.name} ${scenario.name}: ${problem}\n`);
        const server = [started.upstream, started.floor, started.gateway].find((candidate) => candidate?.pid === target.pid);
        if (server?.exited() !== undefined) {
          skipped[`${target.name}/${scenario.name}`] = `${problem}; process exited (${server.exited()}): ${server.outputTail().slice(-800)}`;
          process.stderr.write(`${target.name} exited (${server.exited()}); last output:\n${server.outputTail()}\n`);
        }
        continue;
      }
      process.stderr.write(`measuring ${scenario.name} via ${target.name}…\n`);
      row[target.name] = await measureTarget(target, scenario, settings);
    }
    measurements[scenario.name] = row;
  }
} finally {
  await started.stopAll();
}

const comparisons: Record<string, ScenarioComparison> = {};
const floorOverDirect: Record<string, ScenarioComparison> = {};
for (const [name, row] of Object.entries(measurements)) {
  if (row.gateway !== undefined && row.floor !== undefined) comparisons[name] = compareWithFloor(row.gateway, row.floor);
  if (row.floor !== undefined && row.direct !== undefined) floorOverDirect[name] = compareWithFloor(row.floor, row.direct);
}

const rawRows = Object.entries(measurements).flatMap(([name, row]) =>
  Object.entries(row).map(([target, measurement]) => [
    name,
    target,
    measurement.requestsPerSecond,
    measurement.latencyP50Ms,
    measurement.latencyP99Ms,
    measurement.firstByteP50Ms,
    measurement.firstByteP99Ms,
    measurement.cpuMsPerRequest,
    measurement.rssMiB,
    measurement.failures,
  ]),
);
const ratioRows = (table: Record<string, ScenarioComparison>) =>
  Object.entries(table).map(([name, comparison]) => [
    name,
    comparison.cpuPerRequestRatio,
    comparison.latencyP50Ratio,
    comparison.latencyP99Ratio,
    comparison.requestsPerSecondRatio,
    comparison.firstByteP50Ratio,
    comparison.addedLatencyP50Ms,
    comparison.addedLatencyP99Ms,
    comparison.addedFirstByteP50Ms,
    comparison.addedFirstByteP99Ms,
  ]);
const ratioHeaders = ['scenario', 'CPU/req ×', 'p50 ×', 'p99 ×', 'req/s ×', 'TTFB p50 ×', '+p50 ms', '+p99 ms', '+TTFB p50 ms', '+TTFB p99 ms'];

const machine = {
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  commit: safely(() => execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()),
};
const lines = [
  `Switchyard bench — ${new Date().toISOString()} — ${machine.cpu} × ${machine.cores}, Node ${machine.node}, commit ${machine.commit}`,
  `c=${settings.connections}, ${settings.warmupSeconds}s warm-up + ${settings.durationSeconds}s measured per target and scenario; first byte: ${settings.firstByteRequests} requests at c=${settings.firstByteConcurrency}; pinned: ${pin}; gateway LOG_LEVEL=${gatewayLogLevel}`,
  '',
  formatTable(['scenario', 'target', 'req/s', 'p50 ms', 'p99 ms', 'TTFB p50', 'TTFB p99', 'CPU ms/req', 'RSS MiB', 'fail'], rawRows),
  '',
  'Gateway ÷ floor (× = ratio; + = gateway minus floor):',
  Object.keys(comparisons).length > 0 ? formatTable(ratioHeaders, ratioRows(comparisons)) : '(gateway not measured)',
  '',
  'Floor ÷ direct (what the pass-through itself adds):',
  formatTable(ratioHeaders, ratioRows(floorOverDirect)),
  ...Object.entries(skipped).map(([what, why]) => `skipped ${what}: ${why}`),
];
process.stdout.write(`${lines.join('\n')}\n`);

const resultsDirectory = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(resultsDirectory, { recursive: true });
writeFileSync(
  `${resultsDirectory}latest.json`,
  `${JSON.stringify({ at: new Date().toISOString(), machine, settings, pin, gatewayLogLevel, measurements, comparisons, floorOverDirect, skipped }, null, 2)}\n`,
);
process.stdout.write(`\nwrote ${resultsDirectory}latest.json\n`);

function safely(read: () => string): string {
  try {
    return read();
  } catch {
    return 'unknown';
  }
}
