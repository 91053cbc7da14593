/** A configuration problem found at start-up. Its message names the offending path; never a secret. */
export class ConfigError extends Error {
  readonly isRetryable = false;
  /** Dotted path of the offending setting, e.g. `providers.openai.api_key`; empty for the whole file. */
  readonly path: string;

  constructor(path: string, message: string) {
    super(path === '' ? message : `${path}: ${message}`);
    this.name = 'ConfigError';
    this.path = path;
  }
}
