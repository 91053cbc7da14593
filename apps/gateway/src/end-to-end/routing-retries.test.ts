import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { useRoutingAlias, type UpstreamName } from './routing-alias-fixture.js';
import { callSurface, completedEnding, surfaces } from './routing-surfaces.js';

// Two retry rounds; a retry-after up to 2 s is waited for, a longer one goes back to the client.
const alias = useRoutingAlias({ retry: { max_retries: 2, max_retry_after_ms: 2000 } });

/** Gaps between consecutive arrivals at one upstream, in ms. */
function gaps(arrivals: readonly number[]): number[] {
  return arrivals.slice(1).map((arrival, index) => arrival - (arrivals[index] as number));
}

// Date.now() and the timer clock round differently: a wait of N ms may measure N - 1.
const clockSlackMs = 1;

const retryAfterCases: ReadonlyArray<readonly [string, UpstreamName, string, Record<string, string>, number]> = [
  ['retry-after-ms (OpenAI)', 'east', 'east-small', { 'retry-after-ms': '300', 'retry-after': '1' }, 300],
  ['Retry-After in seconds (Anthropic)', 'claude', 'claude', { 'retry-after': '1' }, 1000],
];

describe('retries on the same deployment honour the upstream retry-after', () => {
  for (const [header, upstream, deployment, headers, delayMs] of retryAfterCases) {
    it(`waits at least the ${header} before asking the same deployment again`, async () => {
      const { client, enqueue, arrivals, generations } = alias();
      enqueue(upstream, { kind: 'error', status: 429, headers });
      const result = await callSurface(client, 'responses JSON', 'trio', { provider: { only: [deployment] } });
      expect(result).toMatchObject({ deployment, ending: 'completed' });
      expect(generations(upstream)).toBe(2);
      expect(gaps(arrivals(upstream))[0]).toBeGreaterThanOrEqual(delayMs - clockSlackMs);
    });
  }

  it('is bounded in count: three attempts (max_retries 2), then the 429 reaches the client with its retry-after', async () => {
    const { client, enqueue, arrivals, generations } = alias();
    enqueue('east', { kind: 'error', status: 429, headers: { 'retry-after-ms': '50' } }, 3);
    const error = await callSurface(client, 'chat JSON', 'trio', { provider: { only: ['east-small'] } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).not.toBeNull();
    expect(generations('east')).toBe(3);
    for (const gap of gaps(arrivals('east'))) expect(gap).toBeGreaterThanOrEqual(50 - clockSlackMs);
  });

  it('is bounded in time: a retry-after above max_retry_after_ms is not waited for', async () => {
    const { client, enqueue, generations } = alias();
    enqueue('east', { kind: 'error', status: 429, headers: { 'retry-after-ms': '5000', 'retry-after': '5' } });
    const error = await callSurface(client, 'responses JSON', 'trio', { provider: { only: ['east-small'] } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBe('5');
    expect(generations('east')).toBe(1);
  });
});

describe('never once output reached the client', () => {
  for (const surface of surfaces.filter((name) => name.endsWith('stream'))) {
    it(`a cut after the first output is a client-visible error, not a retry — ${surface}`, async () => {
      const { client, enqueue, generations } = alias();
      enqueue('east', { kind: 'cut-mid-stream', afterEvents: 5, intervalMs: 50, answer: { text: 'A long answer that is cut after a few words have gone out.' } });
      const outcome = await callSurface(client, surface, 'trio', { provider: { sort: 'price' } }).catch((caught: unknown) => caught);
      // Either the SDK throws on the terminal error event, or the stream ends failed: never completed.
      if (!(outcome instanceof Error)) expect(outcome).not.toMatchObject({ ending: completedEnding[surface] });
      expect({ east: generations('east'), west: generations('west'), claude: generations('claude') }).toEqual({ east: 1, west: 0, claude: 0 });
    });
  }
});
