import { describe, expect, it } from 'vitest';
import { summariseCpuProfile, type CpuProfile } from './summarise-cpu-profile.js';

const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });

/** root → handler (gateway) → query (store) → wasm; root → (idle); root → (garbage collector). */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)', ''), children: [2, 5, 6] },
    { id: 2, callFrame: frame('handle', 'file:///work/main/apps/gateway/dist/handle.js'), children: [3] },
    { id: 3, callFrame: frame('query', 'file:///work/main/packages/store/dist/sql/runner.js'), children: [4] },
    { id: 4, callFrame: frame('wasm-function[1]', 'wasm://wasm/abc'), children: [] },
    { id: 5, callFrame: frame('(idle)', ''), children: [] },
    { id: 6, callFrame: frame('(garbage collector)', ''), children: [] },
  ],
  samples: [4, 4, 3, 2, 5, 5, 5, 6],
  timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
};

describe('summariseCpuProfile', () => {
  const summary = summariseCpuProfile(profile);

  it('leaves idle time out of the busy time', () => {
    expect(summary.busyMs).toBe(5);
  });

  it('charges self time to the area of the sampled frame', () => {
    expect(summary.selfByArea.map((share) => [share.name, share.ms, share.share])).toEqual([
      ['PGlite (WASM PostgreSQL)', 2, 0.4],
      ['@switchyard/store', 1, 0.2],
      ['gateway', 1, 0.2],
      ['garbage collector', 1, 0.2],
    ]);
  });

  it('charges inclusive time to every area on the stack, once per sample', () => {
    const inclusive = Object.fromEntries(summary.inclusiveByArea.map((share) => [share.name, share.ms]));
    expect(inclusive).toEqual({ gateway: 4, '@switchyard/store': 3, 'PGlite (WASM PostgreSQL)': 2, 'garbage collector': 1 });
  });

  it('names functions with their file and line, largest first', () => {
    expect(summary.selfByFunction[0]).toMatchObject({ name: 'wasm-function[1] abc:1', ms: 2 });
  });
});
