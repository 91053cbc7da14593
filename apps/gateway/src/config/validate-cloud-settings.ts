import { ConfigError } from './config-error.js';
import type { CloudProviderConfig, ProviderKind } from './gateway-config.js';

/** Provider settings only cloud kinds take. */
export const cloudSettings = [
  'region',
  'location',
  'credentials_file',
  'access_key_id',
  'secret_access_key',
  'session_token',
  'profile',
] as const;

const settingsOf: Readonly<Partial<Record<ProviderKind, readonly string[]>>> = {
  bedrock: ['region', 'access_key_id', 'secret_access_key', 'session_token', 'profile'],
  vertex: ['location', 'credentials_file'],
};

function optionalText(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new ConfigError(path, 'must be a non-empty string');
  return value;
}

/**
 * Checks the cloud settings of one provider: bedrock needs a `region` (and takes explicit AWS
 * credentials or a profile), vertex needs `project` and `location`; other kinds take none of them.
 */
export function validateCloudSettings(type: ProviderKind, raw: Readonly<Record<string, unknown>>, path: string): CloudProviderConfig {
  const allowed = settingsOf[type] ?? [];
  for (const setting of cloudSettings) {
    if (raw[setting] !== undefined && !allowed.includes(setting)) {
      throw new ConfigError(`${path}.${setting}`, `is not a setting of providers of type ${type}`);
    }
  }
  const cloud: CloudProviderConfig = {
    region: optionalText(raw.region, `${path}.region`),
    location: optionalText(raw.location, `${path}.location`),
    credentialsFile: optionalText(raw.credentials_file, `${path}.credentials_file`),
    accessKeyId: optionalText(raw.access_key_id, `${path}.access_key_id`),
    secretAccessKey: optionalText(raw.secret_access_key, `${path}.secret_access_key`),
    sessionToken: optionalText(raw.session_token, `${path}.session_token`),
    profile: optionalText(raw.profile, `${path}.profile`),
  };
  if (type === 'bedrock') {
    if (cloud.region === undefined) throw new ConfigError(`${path}.region`, 'is required for providers of type bedrock');
    if ((cloud.accessKeyId === undefined) !== (cloud.secretAccessKey === undefined)) {
      throw new ConfigError(`${path}.access_key_id`, 'access_key_id and secret_access_key go together');
    }
  }
  if (type === 'vertex') {
    if (raw.project === undefined) throw new ConfigError(`${path}.project`, 'is required for providers of type vertex');
    if (cloud.location === undefined) throw new ConfigError(`${path}.location`, 'is required for providers of type vertex');
  }
  return cloud;
}
