#!/usr/bin/env node
// `pnpm bench`: the fake upstream directly, a raw pass-through floor and the gateway, side by side in one run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  measureRound,
  smokeCheck,
  summarise,
  warmUp,
  type BenchSettings,
  type RoundResult,
  type Target,
  type TargetMeasurement,
} from './measure-target.js';
import { compareWithFloor, type ScenarioComparison } from './report/compute-ratios.js';
import { formatTable } from './report/format-table.js';
import { benchOptionsFrom } from './bench-options.js';
import { startTargets } from './start-targets.js';

const options = benchOptionsFrom(process.env);
const { settings, pin, gatewayLogLevel } = options;

const started = await startTargets({
  pin,
  gateway: options.gateway,
  ...(options.baseline === undefined ? {} : { baseline: options.baseline }),
  gatewayLogLevel,
  ...(options.databaseUrl === undefined ? {} : { databaseUrl: options.databaseUrl }),
});
const targets: Target[] = [
  { name: 'direct', pid: started.upstream.pid, url: started.upstream.url, apiKey: 'sk-bench', model: 'gpt-4o-mini' },
  { name: 'floor', pid: started.floor.pid, url: started.floor.url, apiKey: 'sk-bench', model: 'gpt-4o-mini' },
];
if (started.gateway !== undefined) {
  targets.push({ name: 'gateway', pid: started.gateway.pid, url: started.gateway.url, apiKey: 'bench-key', model: 'openai/gpt-4o-mini' });
}
if (started.baseline !== undefined) {
  targets.push({ name: 'baseline', pid: started.baseline.pid, url: started.baseline.url, apiKey: 'bench-key', model: 'openai/gpt-4o-mini' });
}

const measurements: Record<string, Partial<Record<Target['name'], TargetMeasurement>>> = {};
const skipped: Record<string, string> = {};
const roundsByScenario: Record<string, Record<string, RoundResult[]>> = {};
const loadBefore = loadavg()[0] ?? Number.NaN;
if (started.gatewaySkipped !== undefined) skipped.gateway = started.gatewaySkipped;
if (started.baselineSkipped !== undefined) skipped.baseline = started.baselineSkipped;
try {
  for (const scenario of options.scenarios) {
    const row: Partial<Record<Target['name'], TargetMeasurement>> = {};
    const healthy: Target[] = [];
    for (const target of targets) {
      const problem = await smokeCheck(target, scenario);
      if (problem === undefined) {
        healthy.push(target);
        continue;
      }
      skipped[`${target.name}/${scenario.name}`] = problem;
      process.stderr.write(`skip ${target.name} ${scenario.name}: ${problem}\n`);
      const server = [started.upstream, started.floor, started.gateway, started.baseline].find((candidate) => candidate?.pid === target.pid);
      if (server?.exited() !== undefined) {
        skipped[`${target.name}/${scenario.name}`] = `${problem}; process exited (${server.exited()}): ${server.outputTail().slice(-800)}`;
        process.stderr.write(`${target.name} exited (${server.exited()}); last output:\n${server.outputTail()}\n`);
      }
    }
    process.stderr.write(`measuring ${scenario.name} (${healthy.map((target) => target.name).join(', ')})…\n`);
    for (const target of healthy) await warmUp(target, scenario, settings);
    const rounds = new Map<Target['name'], RoundResult[]>(healthy.map((target) => [target.name, []]));
    for (let round = 0; round < settings.rounds; round += 1) {
      for (const target of healthy) rounds.get(target.name)?.push(await measureRound(target, scenario, settings));
    }
    for (const target of healthy) row[target.name] = await summarise(target, scenario, settings, rounds.get(target.name) ?? []);
    roundsByScenario[scenario.name] = Object.fromEntries(rounds);
    measurements[scenario.name] = row;
  }
} finally {
  await started.stopAll();
}

const loadAfter = loadavg()[0] ?? Number.NaN;
const comparisons: Record<string, ScenarioComparison> = {};
const floorOverDirect: Record<string, ScenarioComparison> = {};
const baselineComparisons: Record<string, ScenarioComparison> = {};
const gatewayOverBaseline: Record<string, ScenarioComparison> = {};
for (const [name, row] of Object.entries(measurements)) {
  if (row.gateway !== undefined && row.floor !== undefined) comparisons[name] = compareWithFloor(row.gateway, row.floor);
  if (row.baseline !== undefined && row.floor !== undefined) baselineComparisons[name] = compareWithFloor(row.baseline, row.floor);
  if (row.gateway !== undefined && row.baseline !== undefined) gatewayOverBaseline[name] = compareWithFloor(row.gateway, row.baseline);
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
  `c=${settings.connections}; per scenario: ${settings.warmupSeconds}s warm-up, then ${settings.rounds} interleaved rounds of ${settings.durationSeconds}s per target (medians); first byte: ${settings.firstByteRequests} requests at c=${settings.firstByteConcurrency}; pinned: ${pin}; gateway LOG_LEVEL=${gatewayLogLevel}`,
  `gateway storage: ${options.databaseUrl === undefined ? 'fresh PGlite folder' : 'PostgreSQL (BENCH_DATABASE_URL)'}; Responses requests ${options.responseStore ? 'stored' : 'with store: false'}; gateway node arguments: ${options.gateway.nodeArguments?.join(' ') || '(none)'}${options.baseline === undefined ? '' : `; baseline: ${options.baseline.cli} ${options.baseline.nodeArguments?.join(' ') ?? ''}`}`,
  `1-min load average before/after: ${loadBefore.toFixed(2)} / ${loadAfter.toFixed(2)} (2 cores: above ~2 means other work competed with the run)`,
  '',
  formatTable(['scenario', 'target', 'req/s', 'p50 ms', 'p99 ms', 'TTFB p50', 'TTFB p99', 'CPU ms/req', 'RSS MiB', 'fail'], rawRows),
  '',
  'Gateway ÷ floor (× = ratio; + = gateway minus floor):',
  Object.keys(comparisons).length > 0 ? formatTable(ratioHeaders, ratioRows(comparisons)) : '(gateway not measured)',
  '',
  ...(Object.keys(baselineComparisons).length > 0
    ? ['Baseline ÷ floor:', formatTable(ratioHeaders, ratioRows(baselineComparisons)), '', 'Gateway ÷ baseline (below 1: the gateway is cheaper than the baseline):', formatTable(ratioHeaders, ratioRows(gatewayOverBaseline)), '']
    : []),
  'Floor ÷ direct (what the pass-through itself adds):',
  formatTable(ratioHeaders, ratioRows(floorOverDirect)),
  ...Object.entries(skipped).map(([what, why]) => `skipped ${what}: ${why}`),
];
process.stdout.write(`${lines.join('\n')}\n`);

const resultsDirectory = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(resultsDirectory, { recursive: true });
writeFileSync(
  `${resultsDirectory}latest.json`,
  `${JSON.stringify({ at: new Date().toISOString(), machine, settings, pin, gatewayLogLevel, storage: { databaseUrl: options.databaseUrl !== undefined, responseStore: options.responseStore }, gateway: options.gateway, baseline: options.baseline, baselineComparisons, gatewayOverBaseline, loadAverage: { before: loadBefore, after: loadAfter }, measurements, comparisons, floorOverDirect, rounds: roundsByScenario, skipped }, null, 2)}\n`,
);
process.stdout.write(`\nwrote ${resultsDirectory}latest.json\n`);

function safely(read: () => string): string {
  try {
    return read();
  } catch {
    return 'unknown';
  }
}
