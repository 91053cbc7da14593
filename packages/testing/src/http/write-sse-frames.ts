import type { ServerResponse } from 'node:http';
import type { StreamPlan } from '../openai/fake-behaviour.js';
import { abortableSleep } from './abortable-sleep.js';
import type { SseFrame } from './fake-server-types.js';

export function encodeSseFrame(frame: SseFrame): string {
  if (frame.comment !== undefined) return `: ${frame.comment}\n\n`;
  return `${frame.event === undefined ? '' : `event: ${frame.event}\n`}data: ${frame.data}\n\n`;
}

export interface WriteSseOptions {
  response: ServerResponse;
  frames: SseFrame[];
  plan: StreamPlan;
  errorFrames: (index: number) => SseFrame[];
  endFrames: SseFrame[];
  signal: AbortSignal;
  onFrameWritten: () => void;
}

/**
 * Writes frames in order. With no interval, no cut and no injected error, everything goes out in one
 * write (cheap for benchmarks); otherwise frame by frame, sleeping `intervalMs` before each one.
 */
export async function writeSseFrames(options: WriteSseOptions): Promise<void> {
  const { response, frames, plan } = options;
  const simple = plan.intervalMs <= 0 && plan.cutAfterEvents === undefined && plan.errorAfterEvents === undefined;
  if (simple) {
    response.end([...frames, ...options.endFrames].map(encodeSseFrame).join(''));
    for (let index = 0; index < frames.length; index += 1) options.onFrameWritten();
    return;
  }
  for (let index = 0; index < frames.length; index += 1) {
    await abortableSleep(plan.intervalMs, options.signal);
    if (response.destroyed || options.signal.aborted) return;
    if (plan.cutAfterEvents === index) {
      response.socket?.destroy();
      response.destroy();
      return;
    }
    if (plan.errorAfterEvents === index) {
      response.end(options.errorFrames(index).map(encodeSseFrame).join(''));
      return;
    }
    response.write(encodeSseFrame(frames[index] as SseFrame));
    options.onFrameWritten();
  }
  if (plan.cutAfterEvents !== undefined && plan.cutAfterEvents >= frames.length) {
    response.socket?.destroy();
    response.destroy();
    return;
  }
  response.end(options.endFrames.map(encodeSseFrame).join(''));
}
