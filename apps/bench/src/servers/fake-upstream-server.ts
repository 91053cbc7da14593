#!/usr/bin/env node
// Child process: the fake OpenAI upstream, without request recording. Prints `READY <url>` when listening.
import { startFakeOpenAIUpstream } from '@switchyard/testing';

const upstream = await startFakeOpenAIUpstream({
  record: false,
  keepResponses: false,
  latencyMs: Number(process.env.BENCH_UPSTREAM_LATENCY_MS ?? 0),
  chunkIntervalMs: Number(process.env.BENCH_UPSTREAM_CHUNK_INTERVAL_MS ?? 0),
});
process.stdout.write(`READY ${upstream.url}\n`);
process.on('SIGTERM', () => {
  upstream.close().then(() => process.exit(0), () => process.exit(1));
});
