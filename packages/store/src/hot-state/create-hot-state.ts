import { createInProcessHotState } from './create-in-process-hot-state.js';
import { createRedisHotState } from './create-redis-hot-state.js';
import type { HotState } from './hot-state.js';

export interface CreateHotStateOptions {
  /** Wins over `REDIS_URL`. */
  readonly redisUrl?: string;
  readonly keyPrefix?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Redis when a URL is given (option or `REDIS_URL`), otherwise in-process. */
export function createHotState<Event = unknown>(options: CreateHotStateOptions = {}): HotState<Event> {
  const env = options.env ?? process.env;
  const url = options.redisUrl ?? env['REDIS_URL'];
  if (url === undefined || url.trim() === '') return createInProcessHotState<Event>();
  return createRedisHotState<Event>({ url, ...(options.keyPrefix === undefined ? {} : { keyPrefix: options.keyPrefix }) });
}
