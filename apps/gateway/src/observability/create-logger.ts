import { pino, type DestinationStream, type Logger } from 'pino';

/** Header names whose values never reach the log. */
export const redactedHeaders = ['authorization', 'x-api-key', 'api-key', 'cookie', 'proxy-authorization'] as const;

export interface CreateLoggerOptions {
  /** Defaults to `LOG_LEVEL`, else `silent` under vitest and `info` otherwise. */
  readonly level?: string;
  /** Defaults to stdout. */
  readonly destination?: DestinationStream;
}

export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? (process.env.VITEST === undefined ? 'info' : 'silent');
  const paths = redactedHeaders.flatMap((name) => [`headers["${name}"]`, `request.headers["${name}"]`]);
  const settings = { level, base: { service: 'switchyard-gateway' }, redact: { paths, censor: '[redacted]' } };
  return options.destination === undefined ? pino(settings) : pino(settings, options.destination);
}
