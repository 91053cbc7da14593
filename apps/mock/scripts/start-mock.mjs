// Starts Prism on the bundled contract: `pnpm mock` (or `pnpm --filter @switchyard/mock start`).
// Env: MOCK_PORT (default 4010; 0 picks a free port), MOCK_HOST (default 127.0.0.1). Extra arguments
// go to `prism mock` (e.g. `-- --dynamic`).
//
// Prism returns a text/event-stream example as one string, but still validates that string against
// the media type's event schema: a multi-second validator compile on the first streaming request
// and an `sl-violations` header listing bogus errors. So Prism gets a copy of the contract whose
// text/event-stream schemas are `{type: string}`; every example is served unchanged.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const contractPath = require.resolve('@switchyard/contract/openapi.json');
const prismBin = join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist/index.js');

function relaxEventStreams(node) {
  if (Array.isArray(node)) return node.forEach(relaxEventStreams);
  if (!node || typeof node !== 'object') return;
  const stream = node['text/event-stream'];
  if (stream && typeof stream === 'object' && stream.schema) stream.schema = { type: 'string' };
  Object.values(node).forEach(relaxEventStreams);
}

const document = JSON.parse(readFileSync(contractPath, 'utf8'));
relaxEventStreams(document.paths);
relaxEventStreams(document.components?.responses);
const directory = mkdtempSync(join(tmpdir(), 'switchyard-mock-'));
const specPath = join(directory, 'openapi.json');
writeFileSync(specPath, JSON.stringify(document));

const host = process.env.MOCK_HOST ?? '127.0.0.1';
const port = process.env.MOCK_PORT ?? '4010';
const prism = spawn(process.execPath, [prismBin, 'mock', specPath, '--host', host, '--port', port, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, SCARF_ANALYTICS: 'false', DO_NOT_TRACK: '1' },
});
const cleanUp = () => rmSync(directory, { recursive: true, force: true });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => prism.kill(signal));
prism.on('exit', (code, signal) => {
  cleanUp();
  process.exit(code ?? (signal ? 1 : 0));
});
