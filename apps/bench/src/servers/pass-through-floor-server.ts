#!/usr/bin/env node
// Child process: the physical floor for a Node proxy — node:http in, undici Pool out, bodies piped, nothing parsed.
// Usage: pass-through-floor-server.js <upstream origin>. Prints `READY <url>` when listening.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { Pool } from 'undici';

const upstreamOrigin = process.argv[2];
if (upstreamOrigin === undefined) throw new Error('usage: pass-through-floor-server <upstream origin>');
const pool = new Pool(upstreamOrigin, { connections: 128, pipelining: 1 });
const hopByHop = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

const server = createServer((request, response) => {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && !hopByHop.has(name)) headers[name] = value;
  }
  const method = request.method === 'GET' || request.method === 'DELETE' ? request.method : 'POST';
  pool
    .request({ method, path: request.url ?? '/', headers, body: method === 'POST' ? request : null })
    .then(async (upstream) => {
      const outgoing: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(upstream.headers)) {
        if (value !== undefined && !hopByHop.has(name)) outgoing[name] = value;
      }
      response.writeHead(upstream.statusCode, outgoing);
      await pipeline(upstream.body, response);
    })
    .catch(() => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'application/json' });
      response.end('{"error":{"message":"upstream failed","type":"api_error","param":null,"code":null}}');
    });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`READY http://127.0.0.1:${(server.address() as AddressInfo).port}/v1\n`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
