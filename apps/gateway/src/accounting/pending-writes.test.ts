import { describe, expect, it } from 'vitest';
import { PendingWrites } from './pending-writes.js';

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((done, fail) => {
    resolve = done;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe('PendingWrites', () => {
  it('drain waits for every tracked write, failed ones and those tracked while draining included', async () => {
    const pending = new PendingWrites();
    const first = deferred();
    const second = deferred();
    const late = deferred();
    pending.track(first.promise);
    pending.track(second.promise).catch(() => undefined);
    expect(pending.size).toBe(2);
    let drained = false;
    const draining = pending.drain().then(() => {
      drained = true;
    });
    first.resolve();
    pending.track(late.promise);
    second.reject(new Error('database down'));
    await Promise.resolve();
    expect(drained).toBe(false);
    late.resolve();
    await draining;
    expect(drained).toBe(true);
    expect(pending.size).toBe(0);
  });

  it('room waits while the backlog is at its limit and resumes as writes settle', async () => {
    const pending = new PendingWrites(2);
    const first = deferred();
    const second = deferred();
    await pending.room();
    pending.track(first.promise);
    pending.track(second.promise);
    let roomy = false;
    const waiting = pending.room().then(() => {
      roomy = true;
    });
    await Promise.resolve();
    expect(roomy).toBe(false);
    first.resolve();
    await waiting;
    expect(roomy).toBe(true);
    expect(pending.size).toBe(1);
    second.resolve();
    await pending.drain();
  });

  it('drain resolves at once when nothing is pending', async () => {
    await expect(new PendingWrites().drain()).resolves.toBeUndefined();
  });
});
