// Regenerates everything derived from the contract: the bundled document, the TypeScript types,
// the typed operation handler map and the precompiled request/response validators.
// Usage: node scripts/generate.mjs [path/to/openapi.yaml]   (default: ../../openapi/openapi.yaml)
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@hey-api/openapi-ts';
import { generateOperationHandlers } from './generate-operation-handlers.mjs';
import { generateValidators } from './generate-validators.mjs';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(packageRoot, process.argv[2] ?? '../../openapi/openapi.yaml');
// Everything is written to temporary siblings and swapped in at the end, so a test or a second
// generate running at the same time never sees a half-written folder.
const finalBundledDirectory = resolve(packageRoot, 'bundled');
const finalGeneratedDirectory = resolve(packageRoot, 'src/generated');
const bundledDirectory = `${finalBundledDirectory}.tmp-${process.pid}`;
const generatedDirectory = `${finalGeneratedDirectory}.tmp-${process.pid}`;
const require = createRequire(import.meta.url);
const redoclyBin = resolve(dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');

function bundle(extension) {
  const output = resolve(bundledDirectory, `openapi.${extension}`);
  const result = spawnSync(process.execPath, [redoclyBin, 'bundle', source, '--output', output, '--ext', extension], {
    cwd: packageRoot,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`redocly bundle failed for ${source}`);
  }
  return output;
}

rmSync(bundledDirectory, { recursive: true, force: true });
rmSync(generatedDirectory, { recursive: true, force: true });
mkdirSync(bundledDirectory, { recursive: true });
mkdirSync(generatedDirectory, { recursive: true });

process.on('exit', () => {
  rmSync(bundledDirectory, { recursive: true, force: true });
  rmSync(generatedDirectory, { recursive: true, force: true });
});

const bundledJson = bundle('json');
bundle('yaml');

await createClient({
  input: bundledJson,
  output: { path: generatedDirectory, clean: true, entryFile: false },
  plugins: ['@hey-api/typescript'],
  logs: { level: 'silent', file: false },
});

generateOperationHandlers(bundledJson, resolve(generatedDirectory, 'operation-handlers.gen.ts'));
generateValidators(bundledJson, resolve(generatedDirectory, 'validators.gen.ts'));

for (const [temporary, final] of [[bundledDirectory, finalBundledDirectory], [generatedDirectory, finalGeneratedDirectory]]) {
  rmSync(final, { recursive: true, force: true });
  renameSync(temporary, final);
}
console.log(`contract generated from ${source}`);
