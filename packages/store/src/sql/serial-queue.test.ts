import { describe, expect, it } from 'vitest';
import { createSerialQueue } from './serial-queue.js';

describe('createSerialQueue', () => {
  it('runs work one at a time in call order, even when earlier work is slower', async () => {
    const queue = createSerialQueue();
    const log: string[] = [];
    const step = (name: string, ticks: number) =>
      queue.run(async () => {
        log.push(`start ${name}`);
        for (let tick = 0; tick < ticks; tick += 1) await Promise.resolve();
        log.push(`end ${name}`);
        return name;
      });
    expect(await Promise.all([step('a', 5), step('b', 0), step('c', 2)])).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('keeps going after a failure and hands the failure to its caller only', async () => {
    const queue = createSerialQueue();
    const failing = queue.run(async () => {
      throw new Error('boom');
    });
    const next = queue.run(async () => 'next');
    await expect(failing).rejects.toThrow('boom');
    expect(await next).toBe('next');
  });
});
