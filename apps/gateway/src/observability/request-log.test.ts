import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { startTestGateway, testMasterKey } from '../test-support/start-test-gateway.js';

describe('request log', () => {
  it('writes one line per request with method, path, status, ms, request id, and never the key', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(...chunk.toString('utf8').split('\n').filter((line) => line !== ''));
        callback();
      },
    });
    const { url, close } = await startTestGateway({ logger: pino({ level: 'info' }, sink) });
    const response = await fetch(`${url}/v1/models`, { headers: { authorization: `Bearer ${testMasterKey}`, 'x-request-id': 'log-test-1' } });
    expect(response.status).toBe(200);
    await fetch(`${url}/v1/models`, { headers: { 'x-api-key': 'sk-wrong-key-123' } });
    await close();

    const requests = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === 'request');
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({ requestId: 'log-test-1', method: 'GET', path: '/v1/models', status: 200, operationId: 'listModels', aborted: false });
    expect(typeof requests[0]?.ms).toBe('number');
    expect(requests[1]).toMatchObject({ status: 401 });
    const all = lines.join('\n');
    expect(all).not.toContain(testMasterKey);
    expect(all).not.toContain('sk-wrong-key-123');
  });
});
