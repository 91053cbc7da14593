import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';

export interface FirstByteOptions {
  url: string;
  apiKey: string;
  body: string;
  requests: number;
  concurrency: number;
}

export interface FirstByteResult {
  firstByteP50Ms: number;
  firstByteP99Ms: number;
  failures: number;
}

/** Time from sending a streaming request to its first body byte, over `requests` requests at `concurrency`. */
export async function measureFirstByte(options: FirstByteOptions): Promise<FirstByteResult> {
  const target = new URL(options.url);
  const pool = new Pool(target.origin, { connections: options.concurrency });
  const samples: number[] = [];
  let failures = 0;
  let remaining = options.requests;
  const worker = async (): Promise<void> => {
    while (remaining > 0) {
      remaining -= 1;
      const started = performance.now();
      try {
        const response = await pool.request({
          method: 'POST',
          path: target.pathname,
          headers: { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' },
          body: options.body,
        });
        let first = true;
        for await (const _chunk of response.body) {
          if (first) samples.push(performance.now() - started);
          first = false;
        }
        if (response.statusCode !== 200) failures += 1;
      } catch {
        failures += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  await pool.close();
  samples.sort((left, right) => left - right);
  return { firstByteP50Ms: percentile(samples, 0.5), firstByteP99Ms: percentile(samples, 0.99), failures };
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] as number;
}
