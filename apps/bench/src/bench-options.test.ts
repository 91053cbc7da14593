import { describe, expect, it } from 'vitest';
import { benchOptionsFrom, splitArguments } from './bench-options.js';
import { defaultGatewayCli } from './start-targets.js';

describe('benchOptionsFrom', () => {
  it('defaults to every scenario, one gateway on a fresh PGlite folder, Responses stored', () => {
    const options = benchOptionsFrom({});
    expect(options.scenarios.map((scenario) => scenario.name)).toEqual(['chat', 'chat-stream', 'responses', 'responses-stream']);
    expect(options.gateway).toEqual({ cli: defaultGatewayCli, nodeArguments: [] });
    expect([options.baseline, options.databaseUrl, options.responseStore]).toEqual([undefined, undefined, true]);
    expect(options.settings).toEqual({ connections: 16, rounds: 3, durationSeconds: 1.5, warmupSeconds: 1, firstByteRequests: 200, firstByteConcurrency: 4 });
  });

  it('selects scenarios, PostgreSQL, store:false and a baseline gateway from the environment', () => {
    const options = benchOptionsFrom({
      BENCH_SCENARIOS: 'responses, responses-stream',
      BENCH_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/bench',
      BENCH_RESPONSE_STORE: 'false',
      BENCH_BASELINE_NODE_ARGS: ' --import /tmp/old-store.mjs ',
    });
    expect(options.scenarios.map((scenario) => scenario.name)).toEqual(['responses', 'responses-stream']);
    expect(options.scenarios.map((scenario) => JSON.parse(scenario.body('m')).store)).toEqual([false, false]);
    expect(options.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/bench');
    expect(options.baseline).toEqual({ cli: defaultGatewayCli, nodeArguments: ['--import', '/tmp/old-store.mjs'] });
  });

  it('refuses an unknown scenario name', () => {
    expect(() => benchOptionsFrom({ BENCH_SCENARIOS: 'responses,nope' })).toThrow(/unknown scenario\(s\): nope/);
  });

  it('leaves chat bodies alone with store:false', () => {
    const chat = benchOptionsFrom({ BENCH_RESPONSE_STORE: 'false', BENCH_SCENARIOS: 'chat' }).scenarios[0];
    expect(JSON.parse(chat?.body('m') ?? '{}')).not.toHaveProperty('store');
  });
});

describe('splitArguments', () => {
  it('splits on any whitespace and drops empty parts', () => {
    expect(splitArguments('  --a  b\t--c=d ')).toEqual(['--a', 'b', '--c=d']);
    expect(splitArguments(undefined)).toEqual([]);
  });
});
