import { Redis } from 'ioredis';
import type { CancelSignals } from './cancel-signals.js';
import type { EventBus } from './event-bus.js';
import type { HotState } from './hot-state.js';
import { LocalChannels } from './local-channels.js';
import type { Subscription } from './subscription.js';
import type { WorkerLiveness } from './worker-liveness.js';

export interface RedisHotStateOptions {
  /** `redis://host:port/db`. Never logged. */
  readonly url: string;
  /** Prefix of every key and channel, so several deployments (or test runs) share one Redis. */
  readonly keyPrefix?: string;
}

/** Liveness uses the Redis server's clock, so instances with skewed clocks agree. */
const heartbeatScript = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
return now`;
const listAliveScript = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
return redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. now, '+inf')`;

/** One subscriber connection shared by all channels; Redis SUBSCRIBE only for a channel's first listener. */
class ChannelHub {
  readonly #subscriber: Redis;
  readonly #channels = new LocalChannels<string>();

  constructor(subscriber: Redis) {
    this.#subscriber = subscriber;
    subscriber.on('message', (channel: string, message: string) => this.#channels.deliver(channel, message));
  }

  async listen(channel: string, listener: (message: string) => void): Promise<Subscription> {
    if (this.#channels.add(channel, listener)) {
      try {
        await this.#subscriber.subscribe(channel);
      } catch (error) {
        this.#channels.remove(channel, listener); // so the next listener tries SUBSCRIBE again
        throw error;
      }
    }
    let active = true;
    return {
      unsubscribe: async () => {
        if (!active) return;
        active = false;
        if (this.#channels.remove(channel, listener)) await this.#subscriber.unsubscribe(channel);
      },
    };
  }

  clear(): void {
    this.#channels.clear();
  }
}

function connect(url: string): Redis {
  const connection = new Redis(url, { maxRetriesPerRequest: 3, lazyConnect: false });
  // Without a listener an unreachable Redis would surface as an unhandled 'error' event.
  connection.on('error', () => undefined);
  return connection;
}

/** Hot state shared by every instance through Redis pub/sub and a sorted set of heartbeats. */
export function createRedisHotState<Event = unknown>(options: RedisHotStateOptions): HotState<Event> {
  const prefix = options.keyPrefix ?? 'switchyard:';
  const commands = connect(options.url);
  const subscriber = connect(options.url);
  const hub = new ChannelHub(subscriber);
  const eventChannel = (responseId: string): string => `${prefix}events:${responseId}`;
  const cancelChannel = (responseId: string): string => `${prefix}cancel:${responseId}`;
  const workersKey = `${prefix}workers`;

  const events: EventBus<Event> = {
    async publish(responseId, event) {
      await commands.publish(eventChannel(responseId), JSON.stringify(event));
    },
    subscribe: (responseId, listener) =>
      hub.listen(eventChannel(responseId), (message) => {
        let event: Event;
        try {
          event = JSON.parse(message) as Event;
        } catch {
          return; // Not ours: only JSON is ever published on these channels.
        }
        listener(event);
      }),
    async close() {},
  };

  const cancels: CancelSignals = {
    async publishCancel(responseId) {
      await commands.publish(cancelChannel(responseId), '1');
    },
    onCancel: (responseId, listener) => hub.listen(cancelChannel(responseId), () => listener()),
    async close() {},
  };

  const liveness: WorkerLiveness = {
    async heartbeat(workerId, ttlMs) {
      if (!Number.isInteger(ttlMs) || ttlMs < 1) throw new RangeError('ttlMs must be a positive integer.');
      await commands.eval(heartbeatScript, 1, workersKey, workerId, String(ttlMs));
    },
    async isAlive(workerId) {
      const alive = (await commands.eval(listAliveScript, 1, workersKey)) as string[];
      return alive.includes(workerId);
    },
    async listAlive() {
      const alive = (await commands.eval(listAliveScript, 1, workersKey)) as string[];
      return [...alive].sort();
    },
    async remove(workerId) {
      await commands.zrem(workersKey, workerId);
    },
    async close() {},
  };

  return {
    kind: 'redis',
    events,
    cancels,
    liveness,
    async close() {
      hub.clear();
      await Promise.allSettled([commands.quit(), subscriber.quit()]);
      // quit() is polite; disconnect() also stops reconnect attempts to a Redis that never answered.
      commands.disconnect();
      subscriber.disconnect();
    },
  };
}
