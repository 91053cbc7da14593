import { UpstreamError } from '@switchyard/core';
import type { AttemptContext } from '../executor/execute-with-fallbacks.js';
import type { Deployment } from '../registry/deployment.js';

/** The ways a fake upstream fails on command. */
export type FailureKind = 'rate-limit' | 'server-500' | 'unavailable-503' | 'timeout' | 'reset' | 'context-window' | 'refusal' | 'bad-request' | 'unauthorized';

export function failureError(kind: FailureKind, provider = 'fake'): Error {
  switch (kind) {
    case 'rate-limit':
      return new UpstreamError({ provider, upstreamStatus: 429, message: 'Rate limit reached.', responseHeaders: { 'retry-after': '2' } });
    case 'server-500':
      return new UpstreamError({ provider, upstreamStatus: 500, message: 'Internal server error.' });
    case 'unavailable-503':
      return new UpstreamError({ provider, upstreamStatus: 503, message: 'Service unavailable.' });
    case 'timeout':
      return new DOMException('The operation timed out.', 'TimeoutError');
    case 'reset':
      return new UpstreamError({ provider, upstreamStatus: 0, message: 'Connection reset.', cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    case 'context-window':
      return new UpstreamError({ provider, upstreamStatus: 400, code: 'context_length_exceeded', message: "This model's maximum context length is 128000 tokens." });
    case 'refusal':
      return new UpstreamError({ provider, upstreamStatus: 400, code: 'content_policy_violation', message: 'Your request was rejected by the safety system.' });
    case 'bad-request':
      return new UpstreamError({ provider, upstreamStatus: 400, message: "Invalid value for 'temperature'." });
    case 'unauthorized':
      return new UpstreamError({ provider, upstreamStatus: 401, message: 'Incorrect API key provided.' });
  }
}

/**
 * A fake upstream per deployment: each call takes the next scripted step (a failure kind or `ok`);
 * once the script is used up, it answers `ok`. Records every call.
 */
export class ScriptedUpstream {
  readonly calls: Array<{ deployment: string; attemptNumber: number; round: number }> = [];
  readonly #scripts: Map<string, Array<FailureKind | 'ok'>>;

  constructor(scripts: Readonly<Record<string, ReadonlyArray<FailureKind | 'ok'>>>) {
    this.#scripts = new Map(Object.entries(scripts).map(([name, steps]) => [name, [...steps]]));
  }

  readonly attempt = async (deployment: Deployment, context: AttemptContext): Promise<string> => {
    this.calls.push({ deployment: deployment.name, attemptNumber: context.attemptNumber, round: context.round });
    const step = this.#scripts.get(deployment.name)?.shift() ?? 'ok';
    if (step === 'ok') return `first output from ${deployment.name}`;
    throw failureError(step, deployment.provider);
  };

  calledDeployments(): string[] {
    return this.calls.map((call) => call.deployment);
  }
}
