import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { defaultBodyLimitBytes, defaultShutdownTimeoutMs } from './gateway-config.js';
import { loadConfig } from './load-config.js';

async function configFile(text: string): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'switchyard-config-'));
  const file = join(directory, 'switchyard.yaml');
  await writeFile(file, text);
  return file;
}

async function configErrorOf(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('loadConfig from a file', () => {
  it('interpolates ${ENV} and ${ENV:-default} and applies defaults', async () => {
    const file = await configFile(`
server:
  port: \${GATEWAY_PORT:-9090}
auth:
  master_key: \${MASTER}
  keys:
    - { key: "sk-team-a", name: team-a }
providers:
  openai:
    api_key: \${OPENAI_KEY}
    models: [gpt-4o]
  local:
    type: openai-compatible
    api_key: none
    base_url: http://127.0.0.1:11434/v1/
`);
    const config = await loadConfig({ file, environment: { MASTER: 'sk-master', OPENAI_KEY: 'sk-openai' } });
    expect(config.server).toEqual({ port: 9090, host: '127.0.0.1', bodyLimitBytes: defaultBodyLimitBytes, shutdownTimeoutMs: defaultShutdownTimeoutMs });
    expect(config.auth).toEqual({ masterKey: 'sk-master', keys: [{ key: 'sk-team-a', name: 'team-a', tenant: 'default' }] });
    expect(config.providers.openai).toMatchObject({ type: 'openai', apiKey: 'sk-openai', baseURL: 'https://api.openai.com/v1', models: ['gpt-4o'] });
    expect(config.providers.local).toMatchObject({ type: 'openai-compatible', baseURL: 'http://127.0.0.1:11434/v1' });
  });

  it('lets PORT, HOST and SWITCHYARD_MASTER_KEY override the file', async () => {
    const file = await configFile('server: { port: 1234, host: 127.0.0.1 }\n');
    const config = await loadConfig({ file, environment: { PORT: '4321', HOST: '0.0.0.0', SWITCHYARD_MASTER_KEY: 'sk-env' } });
    expect(config.server.port).toBe(4321);
    expect(config.server.host).toBe('0.0.0.0');
    expect(config.auth.masterKey).toBe('sk-env');
  });

  it.each([
    ['an unset variable without default', 'providers:\n  openai:\n    api_key: ${NOPE}\n', 'providers.openai.api_key', 'NOPE'],
    ['an unknown provider type', 'providers:\n  mine:\n    type: skynet\n    api_key: x\n', 'providers.mine.type', 'must be one of'],
    ['a missing api_key', 'providers:\n  openai: {}\n', 'providers.openai.api_key', 'is required'],
    ['an unknown top-level setting', 'servers: {}\n', 'servers', 'unknown setting'],
    ['a misspelt server setting', 'server:\n  prot: 80\n', 'server.prot', 'unknown setting'],
    ['a port out of range', 'server:\n  port: 70000\n', 'server.port', 'between 0 and 65535'],
    ['a base_url with credentials', 'providers:\n  openai:\n    api_key: x\n    base_url: https://user:pw@example.com\n', 'providers.openai.base_url', 'credentials'],
    ['an azure provider without base_url', 'providers:\n  azure:\n    api_key: x\n', 'providers.azure.base_url', 'required'],
    ['a key entry without key', 'auth:\n  keys:\n    - name: a\n', 'auth.keys[0].key', 'is required'],
  ])('rejects %s with a message naming the path', async (_name, text, path, fragment) => {
    const error = await configErrorOf(loadConfig({ file: await configFile(text), environment: {} }));
    expect(error.path).toBe(path);
    expect(error.message).toContain(path);
    expect(error.message).toContain(fragment);
  });

  it('reports YAML syntax errors with a line number, not a stack', async () => {
    const file = await configFile('server:\n  port: [1, 2\n');
    const error = await configErrorOf(loadConfig({ file, environment: {} }));
    expect(error.message).toMatch(/switchyard\.yaml:\d+:\d+: invalid YAML/);
  });

  it('reports a missing file', async () => {
    const error = await configErrorOf(loadConfig({ file: '/nonexistent/switchyard.yaml', environment: {} }));
    expect(error.message).toContain('file not found');
  });

  it('never puts a secret into an error message', async () => {
    const file = await configFile('providers:\n  openai:\n    api_key: ${KEY}\n    base_url: not a url\n');
    const error = await configErrorOf(loadConfig({ file, environment: { KEY: 'sk-very-secret' } }));
    expect(error.message).not.toContain('sk-very-secret');
  });
});

describe('loadConfig without a file', () => {
  it('enables each provider whose conventional key variable is set', async () => {
    const config = await loadConfig({
      environment: {
        OPENAI_API_KEY: 'sk-o',
        OPENAI_BASE_URL: 'http://127.0.0.1:9999/v1',
        ANTHROPIC_API_KEY: 'sk-a',
        GROQ_API_KEY: 'gsk',
        AZURE_OPENAI_API_KEY: 'az',
        AZURE_OPENAI_ENDPOINT: 'https://example.openai.azure.com',
      },
    });
    expect(Object.keys(config.providers).sort()).toEqual(['anthropic', 'azure', 'groq', 'openai']);
    expect(config.providers.openai?.baseURL).toBe('http://127.0.0.1:9999/v1');
    expect(config.providers.groq?.baseURL).toBe('https://api.groq.com/openai/v1');
    expect(config.providers.anthropic?.type).toBe('anthropic');
  });

  it('enables nothing when no key variable is set', async () => {
    const config = await loadConfig({ environment: {} });
    expect(config.providers).toEqual({});
    expect(config.auth.keys).toEqual([]);
  });

  it('asks for AZURE_OPENAI_ENDPOINT when only the Azure key is set', async () => {
    const error = await configErrorOf(loadConfig({ environment: { AZURE_OPENAI_API_KEY: 'az' } }));
    expect(error.message).toContain('AZURE_OPENAI_ENDPOINT');
  });
});
