#!/usr/bin/env node
import { runCli } from './cli/run-cli.js';
import { createLogger } from './observability/create-logger.js';

const logger = createLogger();
const outcome = await runCli({
  argv: process.argv.slice(2),
  environment: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  logger,
});

if (outcome.kind === 'exit') {
  process.exit(outcome.code);
} else {
  const { gateway } = outcome;
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining in-flight requests');
    gateway.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
