import { providerKinds, providerRegistry } from '../providers/provider-registry.js';
import { ConfigError } from './config-error.js';

type Environment = Readonly<Record<string, string | undefined>>;

function present(environment: Environment, name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const value = environment[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * The configuration document used when no config file is given: one provider per conventional
 * key variable that is set (`OPENAI_API_KEY`, `ANTHROPIC_API_KEY`, ...), named after its kind.
 * Returned in the file's raw (snake_case) shape so it goes through the same validation.
 */
export function configFromEnvironment(environment: Environment): Record<string, unknown> {
  const providers: Record<string, unknown> = {};
  for (const kind of providerKinds) {
    const entry = providerRegistry[kind];
    const apiKey = present(environment, entry.apiKeyVariable);
    if (apiKey === undefined) continue;
    const baseURL = present(environment, entry.baseURLVariable);
    if (kind === 'azure' && baseURL === undefined) {
      throw new ConfigError('', 'AZURE_OPENAI_API_KEY is set but AZURE_OPENAI_ENDPOINT is not; set both to enable Azure OpenAI');
    }
    const apiVersion = kind === 'azure' ? present(environment, 'AZURE_OPENAI_API_VERSION') ?? present(environment, 'OPENAI_API_VERSION') : undefined;
    providers[entry.defaultName] = {
      type: kind,
      api_key: apiKey,
      ...(baseURL === undefined ? {} : { base_url: baseURL }),
      ...(apiVersion === undefined ? {} : { api_version: apiVersion }),
      ...(kind === 'openai' && present(environment, 'OPENAI_ORG_ID') !== undefined ? { organization: environment.OPENAI_ORG_ID } : {}),
      ...(kind === 'openai' && present(environment, 'OPENAI_PROJECT_ID') !== undefined ? { project: environment.OPENAI_PROJECT_ID } : {}),
    };
  }
  Object.assign(providers, cloudProvidersFromEnvironment(environment));
  return { providers };
}

/**
 * Cloud providers have no key variable: Bedrock is enabled when an AWS region and some AWS
 * credential source are set (the SDK's standard chain then finds the credentials); Vertex AI when
 * a Google Cloud project and location are set (application default credentials, e.g.
 * `GOOGLE_APPLICATION_CREDENTIALS`).
 */
function cloudProvidersFromEnvironment(environment: Environment): Record<string, unknown> {
  const providers: Record<string, unknown> = {};
  const region = present(environment, 'AWS_REGION') ?? present(environment, 'AWS_DEFAULT_REGION');
  const awsCredentialSource = ['AWS_ACCESS_KEY_ID', 'AWS_PROFILE', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_BEARER_TOKEN_BEDROCK'].some(
    (name) => present(environment, name) !== undefined,
  );
  if (region !== undefined && awsCredentialSource) providers[providerRegistry.bedrock.defaultName] = { type: 'bedrock', region };
  const project = present(environment, 'GOOGLE_CLOUD_PROJECT');
  const location = present(environment, 'GOOGLE_CLOUD_LOCATION');
  if (project !== undefined && location !== undefined) providers[providerRegistry.vertex.defaultName] = { type: 'vertex', project, location };
  return providers;
}
