import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

async function configFile(text: string): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'switchyard-cloud-config-'));
  const file = join(directory, 'switchyard.yaml');
  await writeFile(file, text);
  return file;
}

async function errorOf(text: string): Promise<ConfigError> {
  const error = await loadConfig({ file: await configFile(text), environment: {} }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('cloud providers in a config file', () => {
  it('takes a Bedrock provider without api_key, with region and explicit credentials', async () => {
    const config = await loadConfig({
      file: await configFile(`
providers:
  aws:
    type: bedrock
    region: eu-west-1
    access_key_id: AKIAEXAMPLE
    secret_access_key: \${AWS_SECRET}
`),
      environment: { AWS_SECRET: 'secret-value' },
    });
    expect(config.providers.aws).toMatchObject({
      type: 'bedrock',
      apiKey: undefined,
      baseURL: undefined,
      cloud: { region: 'eu-west-1', accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret-value' },
    });
  });

  it('takes a Vertex AI provider with project and location', async () => {
    const config = await loadConfig({
      file: await configFile(`
providers:
  vertex:
    project: my-project
    location: us-central1
    credentials_file: /etc/switchyard/service-account.json
`),
      environment: {},
    });
    expect(config.providers.vertex).toMatchObject({
      type: 'vertex',
      project: 'my-project',
      cloud: { location: 'us-central1', credentialsFile: '/etc/switchyard/service-account.json' },
    });
  });

  it.each([
    ['bedrock without region', 'providers:\n  bedrock:\n    type: bedrock\n', 'providers.bedrock.region'],
    ['bedrock with half the credentials', 'providers:\n  bedrock:\n    region: us-east-1\n    access_key_id: AKIA\n', 'providers.bedrock.access_key_id'],
    ['vertex without location', 'providers:\n  vertex:\n    project: p\n', 'providers.vertex.location'],
    ['vertex without project', 'providers:\n  vertex:\n    location: global\n', 'providers.vertex.project'],
    ['a cloud setting on a key provider', 'providers:\n  openai:\n    api_key: sk-x\n    region: us-east-1\n', 'providers.openai.region'],
    ['an api_key provider without its key', 'providers:\n  anthropic: {}\n', 'providers.anthropic.api_key'],
  ])('rejects %s, naming the setting', async (_case, text, path) => {
    const error = await errorOf(text);
    expect(error.path).toBe(path);
  });
});

describe('cloud providers from the environment alone', () => {
  it('enables Bedrock with a region and a credential source, and Vertex with a project and location', async () => {
    const config = await loadConfig({
      environment: {
        AWS_REGION: 'us-west-2',
        AWS_PROFILE: 'default',
        GOOGLE_CLOUD_PROJECT: 'my-project',
        GOOGLE_CLOUD_LOCATION: 'global',
      },
    });
    expect(config.providers.bedrock).toMatchObject({ type: 'bedrock', cloud: { region: 'us-west-2' } });
    expect(config.providers.vertex).toMatchObject({ type: 'vertex', project: 'my-project', cloud: { location: 'global' } });
  });

  it('does not enable Bedrock from a region alone, nor Vertex from a project alone', async () => {
    const config = await loadConfig({ environment: { AWS_REGION: 'us-west-2', GOOGLE_CLOUD_PROJECT: 'my-project' } });
    expect(Object.keys(config.providers)).toEqual([]);
  });
});
