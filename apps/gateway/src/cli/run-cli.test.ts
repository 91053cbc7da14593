import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { runCli, type CliOutcome } from './run-cli.js';

async function run(argv: string[], environment: Record<string, string> = {}): Promise<{ outcome: CliOutcome; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const outcome = await runCli({
    argv,
    environment,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    logger: pino({ level: 'silent' }),
  });
  return { outcome, stdout, stderr };
}

async function configFile(text: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'switchyard-cli-')), 'config.yaml');
  await writeFile(file, text);
  return file;
}

describe('runCli', () => {
  it('exits 1 with a path-naming message (no stack) for a bad config file', async () => {
    const file = await configFile('providers:\n  openai:\n    type: openai\n');
    const { outcome, stderr } = await run(['--config', file]);
    expect(outcome).toEqual({ kind: 'exit', code: 1 });
    expect(stderr).toBe('switchyard: configuration error: providers.openai.api_key: is required\n');
  });

  it('reads the file named by SWITCHYARD_CONFIG', async () => {
    const file = await configFile('server: { port: -1 }\n');
    const { outcome, stderr } = await run([], { SWITCHYARD_CONFIG: file });
    expect(outcome).toEqual({ kind: 'exit', code: 1 });
    expect(stderr).toContain('server.port');
  });

  it('refuses a non-loopback host when no key is configured', async () => {
    const { outcome, stderr } = await run([], { HOST: '0.0.0.0', PORT: '0' });
    expect(outcome).toEqual({ kind: 'exit', code: 1 });
    expect(stderr).toContain('refusing to listen on 0.0.0.0');
    expect(stderr).toContain('SWITCHYARD_MASTER_KEY');
  });

  it('rejects unknown flags with the usage text', async () => {
    const { outcome, stderr } = await run(['--nope']);
    expect(outcome).toEqual({ kind: 'exit', code: 1 });
    expect(stderr).toContain('Usage:');
  });

  it('starts on loopback, printing the URL and the enabled providers', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'switchyard-cli-data-'));
    const environment = { PORT: '0', OPENAI_API_KEY: 'sk-x', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', ANTHROPIC_API_KEY: 'sk-a', SWITCHYARD_DATA_DIR: dataDir };
    const { outcome, stdout } = await run([], environment);
    expect(outcome.kind).toBe('running');
    if (outcome.kind !== 'running') return;
    try {
      expect(stdout).toContain(`Switchyard gateway listening on ${outcome.url}`);
      expect(stdout).toMatch(/Providers enabled: openai(, anthropic)?\n/);
      expect(stdout).toContain(`Storage: PGlite in ${dataDir}, in-process hot state\n`);
      const health = await fetch(`${outcome.url}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok' });
      // No key configured, loopback: requests without a key are accepted.
      expect((await fetch(`${outcome.url}/v1/models`)).status).toBe(200);
    } finally {
      await outcome.gateway.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
