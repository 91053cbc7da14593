import { WebSocket } from 'undici';
import type { CpuProfile } from './summarise-cpu-profile.js';

/** A CPU profiler attached to another Node process through its inspector (`node --inspect=127.0.0.1:0`). */
export interface InspectorProfiler {
  /** Starts sampling (call it after warm-up, so start-up and JIT warm-up stay out of the profile). */
  start(): Promise<void>;
  /** Stops sampling and returns the profile. */
  stop(): Promise<CpuProfile>;
  close(): void;
}

const inspectorUrlPattern = /Debugger listening on (ws:\/\/\S+)/;

/** The inspector's WebSocket URL from a process's output, or undefined when it did not print one. */
export function inspectorUrlIn(output: string): string | undefined {
  return inspectorUrlPattern.exec(output)?.[1];
}

/** Connects to the inspector at `url` and enables the profiler with a `samplingIntervalMicroseconds` period. */
export async function connectInspectorProfiler(url: string, samplingIntervalMicroseconds = 200): Promise<InspectorProfiler> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error(`cannot connect to the inspector at ${url}`)), { once: true });
  });
  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data)) as { id?: number; result?: unknown; error?: { message: string } };
    if (data.id === undefined) return;
    const waiter = pending.get(data.id);
    pending.delete(data.id);
    if (data.error !== undefined) waiter?.reject(new Error(data.error.message));
    else waiter?.resolve(data.result);
  });
  const call = (method: string, params: object = {}): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId;
      nextId += 1;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  await call('Profiler.enable');
  await call('Profiler.setSamplingInterval', { interval: samplingIntervalMicroseconds });
  return {
    async start() {
      await call('Profiler.start');
    },
    async stop() {
      const result = (await call('Profiler.stop')) as { profile: CpuProfile };
      return result.profile;
    },
    close() {
      socket.close();
    },
  };
}
