/**
 * A gateway in its own process, for the durability and multi-instance tests (run with
 * `node --conditions=@switchyard/source --import tsx`). Reads:
 * - `SWITCHYARD_TEST_CONFIG`: the configuration document (JSON, snake_case as in the YAML file);
 * - `SWITCHYARD_TEST_SCHEMA` + `DATABASE_URL` (+ `REDIS_URL`, `SWITCHYARD_TEST_KEY_PREFIX`): PostgreSQL
 *   in that schema, Redis under that prefix; otherwise `storage.data_dir` of the config (PGlite).
 * Prints one JSON line `{"url": …}` on stdout once listening.
 */
import type { ResponseStreamEvent } from '@switchyard/contract';
import { createInProcessHotState, createRedisHotState, openStore } from '@switchyard/store';
import { pino } from 'pino';
import { validateConfig } from '../config/validate-config.js';
import { createGateway } from '../create-gateway.js';
import type { OpenedStorage } from '../state/open-storage.js';

const config = validateConfig(JSON.parse(process.env['SWITCHYARD_TEST_CONFIG'] ?? '{}'));
const schema = process.env['SWITCHYARD_TEST_SCHEMA'];
const databaseUrl = process.env['DATABASE_URL'];
const redisUrl = process.env['REDIS_URL'];

let storage: OpenedStorage | undefined;
if (schema !== undefined && databaseUrl !== undefined) {
  const store = await openStore({ databaseUrl, schema });
  const hotState =
    redisUrl === undefined
      ? createInProcessHotState<ResponseStreamEvent>()
      : createRedisHotState<ResponseStreamEvent>({ url: redisUrl, keyPrefix: process.env['SWITCHYARD_TEST_KEY_PREFIX'] ?? 'switchyard:' });
  storage = { store, hotState };
}

const gateway = createGateway(config, {
  logger: pino({ level: process.env['LOG_LEVEL'] ?? 'silent' }),
  workerPollIntervalMs: 100,
  ...(storage === undefined ? {} : { storage }),
  environment: {},
});
const { url } = await gateway.listen(0, '127.0.0.1');
process.stdout.write(`${JSON.stringify({ url })}\n`);
process.on('SIGTERM', () => {
  void gateway.close().then(() => process.exit(0));
});
