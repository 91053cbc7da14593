import { parseArgs } from 'node:util';
import type { Logger } from 'pino';
import { ConfigError } from '../config/config-error.js';
import { loadConfig } from '../config/load-config.js';
import { createGateway, type Gateway } from '../create-gateway.js';
import { createLogger } from '../observability/create-logger.js';
import { describeStorage } from '../state/describe-storage.js';

export const usage = `Usage: switchyard-gateway [--config <file>]

  --config <file>   YAML configuration (default: $SWITCHYARD_CONFIG; without either,
                    providers are enabled from OPENAI_API_KEY, ANTHROPIC_API_KEY, ...)
Environment: PORT (8080), HOST (127.0.0.1), SWITCHYARD_MASTER_KEY, LOG_LEVEL (info),
             DATABASE_URL or SWITCHYARD_DATA_DIR (./data), REDIS_URL`;

export interface CliIo {
  readonly argv: readonly string[];
  readonly environment: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly logger?: Logger;
}

/** Either a running gateway, or the exit code the process should end with (never a stack trace). */
export type CliOutcome = { readonly kind: 'running'; readonly gateway: Gateway; readonly url: string } | { readonly kind: 'exit'; readonly code: number };

function failure(io: CliIo, message: string): CliOutcome {
  io.stderr(`switchyard: ${message}\n`);
  return { kind: 'exit', code: 1 };
}

/** Parses arguments, loads and validates the configuration, and starts the gateway. */
export async function runCli(io: CliIo): Promise<CliOutcome> {
  let file: string | undefined;
  try {
    const { values } = parseArgs({ args: [...io.argv], options: { config: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help === true) {
      io.stdout(`${usage}\n`);
      return { kind: 'exit', code: 0 };
    }
    file = values.config ?? (io.environment.SWITCHYARD_CONFIG || undefined);
  } catch (error) {
    return failure(io, `${(error as Error).message}\n${usage}`);
  }

  try {
    const config = await loadConfig({ file, environment: io.environment });
    const gateway = createGateway(config, { logger: io.logger ?? createLogger(), environment: io.environment });
    const { url } = await gateway.listen();
    const enabled = [...gateway.providers.keys()];
    io.stdout(`Switchyard gateway listening on ${url}\n`);
    io.stdout(`Providers enabled: ${enabled.length === 0 ? 'none (set OPENAI_API_KEY or use --config)' : enabled.join(', ')}\n`);
    io.stdout(`Storage: ${describeStorage(config.storage, io.environment)}\n`);
    return { kind: 'running', gateway, url };
  } catch (error) {
    if (error instanceof ConfigError) return failure(io, `configuration error: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') return failure(io, `cannot listen: ${code}`);
    return failure(io, `failed to start: ${(error as Error).message}`);
  }
}
