import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { ConfigError } from './config-error.js';
import { configFromEnvironment } from './config-from-environment.js';
import type { GatewayConfig } from './gateway-config.js';
import { interpolateEnvironment } from './interpolate-environment.js';
import { validateConfig } from './validate-config.js';

export interface LoadConfigOptions {
  /** YAML file to read; without it, providers are enabled from their conventional key variables. */
  readonly file?: string | undefined;
  /** Defaults to `process.env`. */
  readonly environment?: Readonly<Record<string, string | undefined>>;
}

async function readDocument(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'file cannot be read';
    throw new ConfigError('', `${file}: ${reason}`);
  }
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const [first] = document.errors;
  if (first !== undefined) {
    const line = first.linePos?.[0];
    throw new ConfigError('', `${file}${line === undefined ? '' : `:${line.line}:${line.col}`}: invalid YAML (${first.code})`);
  }
  return document.toJS();
}

function withOverride(value: unknown, key: string, override: string | undefined): unknown {
  if (override === undefined || override === '') return value;
  if (value === undefined || value === null) return { [key]: override };
  // A non-mapping is left as it is, so validation reports it.
  return typeof value === 'object' && !Array.isArray(value) ? { ...value, [key]: override } : value;
}

/**
 * Reads, interpolates (`${ENV}`, `${ENV:-default}`) and validates the gateway configuration.
 * `PORT`, `HOST` and `SWITCHYARD_MASTER_KEY` override the file's values when set.
 * Throws a ConfigError whose message names the offending setting.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<GatewayConfig> {
  const environment = options.environment ?? process.env;
  const raw = options.file === undefined ? configFromEnvironment(environment) : await readDocument(options.file);
  const interpolated = interpolateEnvironment(raw, environment);
  const root = interpolated ?? {};
  if (typeof root !== 'object' || Array.isArray(root)) return validateConfig(root);
  const { server: rawServer, auth: rawAuth } = root as Record<string, unknown>;
  const server = withOverride(withOverride(rawServer, 'port', environment.PORT), 'host', environment.HOST);
  const auth = withOverride(rawAuth, 'master_key', environment.SWITCHYARD_MASTER_KEY);
  return validateConfig({ ...(root as Record<string, unknown>), server, auth });
}
