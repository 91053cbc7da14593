import { describe, expect, it } from 'vitest';
import { percentile } from '../load/measure-first-byte.js';
import type { TargetMeasurement } from '../measure-target.js';
import { readProcessCpuMs, readProcessRssMiB } from '../process/read-process-cpu-ms.js';
import { compareWithFloor } from './compute-ratios.js';
import { formatTable } from './format-table.js';

const measurement = (overrides: Partial<TargetMeasurement>): TargetMeasurement => ({
  requests: 100,
  requestsPerSecond: 1000,
  latencyP50Ms: 10,
  latencyP99Ms: 20,
  firstByteP50Ms: null,
  firstByteP99Ms: null,
  cpuMsPerRequest: 0.2,
  rssMiB: 100,
  failures: 0,
  ...overrides,
});

describe('bench helpers', () => {
  it('compares a target with the floor as ratios and differences', () => {
    const comparison = compareWithFloor(
      measurement({ cpuMsPerRequest: 0.5, latencyP50Ms: 12, requestsPerSecond: 500, firstByteP50Ms: 4, firstByteP99Ms: 9 }),
      measurement({ firstByteP50Ms: 2, firstByteP99Ms: 5 }),
    );
    expect(comparison).toMatchObject({
      cpuPerRequestRatio: 2.5,
      latencyP50Ratio: 1.2,
      requestsPerSecondRatio: 0.5,
      firstByteP50Ratio: 2,
      addedLatencyP50Ms: 2,
      addedFirstByteP99Ms: 4,
    });
    expect(compareWithFloor(measurement({}), measurement({})).firstByteP50Ratio).toBeNull();
  });

  it('takes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('formats a table with placeholders for missing values', () => {
    expect(formatTable(['a', 'b'], [['x', 1.234], ['y', null]])).toBe('| a | b    |\n| - | ---- |\n| x | 1.23 |\n| y | —    |');
  });

  it('reads this process CPU time and RSS from /proc', () => {
    const before = readProcessCpuMs(process.pid);
    let spin = 0;
    for (let index = 0; index < 5_000_000; index += 1) spin += index;
    expect(spin).toBeGreaterThan(0);
    expect(readProcessCpuMs(process.pid)).toBeGreaterThanOrEqual(before);
    expect(readProcessRssMiB(process.pid)).toBeGreaterThan(10);
  });
});
