#!/usr/bin/env node
// `node dist/profile-gateway.js`: CPU profile of the gateway under the bench load, one scenario at a time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runLoad } from './load/run-load.js';
import { smokeCheck, type Target } from './measure-target.js';
import { readProcessCpuMs } from './process/read-process-cpu-ms.js';
import { connectInspectorProfiler, inspectorUrlIn } from './profile/inspector-profiler.js';
import { summariseCpuProfile, type ProfileShare } from './profile/summarise-cpu-profile.js';
import { formatTable } from './report/format-table.js';
import { benchOptionsFrom } from './bench-options.js';
import { startTargets } from './start-targets.js';

const environment = process.env;
const seconds = Number(environment.BENCH_PROFILE_SECONDS ?? 8);
const top = Number(environment.BENCH_PROFILE_TOP ?? 25);
const options = benchOptionsFrom({ ...environment, BENCH_SCENARIOS: environment.BENCH_SCENARIOS ?? 'responses,responses-stream' });
const { databaseUrl, responseStore } = options;
const connections = options.settings.connections;
const chosen = options.scenarios;
const resultsDirectory = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(resultsDirectory, { recursive: true });

const percent = (share: ProfileShare): string => `${(share.share * 100).toFixed(1)} %`;
const rows = (list: readonly ProfileShare[]): Array<Array<string | number>> => list.slice(0, top).map((share) => [share.name, share.ms, percent(share)]);

process.stdout.write(
  `Gateway CPU profile — ${new Date().toISOString()} — ${seconds}s of load per scenario at c=${connections}, storage: ${databaseUrl === undefined ? 'PGlite (fresh folder)' : 'PostgreSQL'}, Responses store: ${String(responseStore)}\n`,
);
for (const scenario of chosen) {
  // A fresh gateway per scenario, so one scenario's rows do not slow the next one down.
  const started = await startTargets({
    pin: false,
    gateway: { ...options.gateway, nodeArguments: [...(options.gateway.nodeArguments ?? []), '--inspect=127.0.0.1:0'] },
    gatewayLogLevel: options.gatewayLogLevel,
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
  });
  try {
    if (started.gateway === undefined) throw new Error(started.gatewaySkipped ?? 'gateway not started');
    const target: Target = { name: 'gateway', pid: started.gateway.pid, url: started.gateway.url, apiKey: 'bench-key', model: 'openai/gpt-4o-mini' };
    const problem = await smokeCheck(target, scenario);
    if (problem !== undefined) throw new Error(`smoke request failed: ${problem}`);
    const inspectorUrl = inspectorUrlIn(started.gateway.outputTail());
    if (inspectorUrl === undefined) throw new Error('the gateway printed no inspector URL');
    const load = { url: `${target.url}${scenario.path}`, apiKey: target.apiKey, body: scenario.body(target.model), connections };
    await runLoad({ ...load, durationSeconds: 2 });
    const profiler = await connectInspectorProfiler(inspectorUrl);
    const cpuBefore = readProcessCpuMs(target.pid);
    await profiler.start();
    const result = await runLoad({ ...load, durationSeconds: seconds });
    const profile = await profiler.stop();
    const cpuMsPerRequest = (readProcessCpuMs(target.pid) - cpuBefore) / result.requests;
    profiler.close();
    const summary = summariseCpuProfile(profile);
    writeFileSync(`${resultsDirectory}profile-${scenario.name}.cpuprofile.json`, JSON.stringify(profile));
    writeFileSync(`${resultsDirectory}profile-${scenario.name}.json`, `${JSON.stringify({ scenario: scenario.name, result, cpuMsPerRequest, summary }, null, 2)}\n`);
    process.stdout.write(
      [
        '',
        `## ${scenario.name}: ${result.requests} requests, ${result.requestsPerSecond.toFixed(0)} req/s, ${cpuMsPerRequest.toFixed(2)} ms CPU/request (with the profiler on), ${summary.busyMs.toFixed(0)} ms sampled busy`,
        '',
        'Self time by area:',
        formatTable(['area', 'ms', 'share'], rows(summary.selfByArea)),
        '',
        'Inclusive time by area (a sample counts for every area on its stack):',
        formatTable(['area', 'ms', 'share'], rows(summary.inclusiveByArea)),
        '',
        'Self time by function:',
        formatTable(['function', 'ms', 'share'], rows(summary.selfByFunction)),
        '',
      ].join('\n'),
    );
  } finally {
    await started.stopAll();
  }
}
process.stdout.write(`\nprofiles written to ${resultsDirectory}profile-*.json (open *.cpuprofile.json in Chrome DevTools after renaming to .cpuprofile)\n`);
