import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnServer, type SpawnedServer } from './process/spawn-server.js';

const ready = /READY (\S+)/;

export interface StartedTargets {
  upstream: SpawnedServer;
  floor: SpawnedServer;
  gateway: SpawnedServer | undefined;
  /** Why the gateway is not part of this run, when it is not. */
  gatewaySkipped: string | undefined;
  stopAll(): Promise<void>;
}

export interface StartTargetsOptions {
  /** Pin the proxies (floor, gateway) to CPU 1 and the fake upstream to CPU 0. */
  pin: boolean;
  gatewayCli: string;
  gatewayLogLevel: string;
}

export const defaultGatewayCli = fileURLToPath(new URL('../../gateway/dist/cli.js', import.meta.url));

/** Starts the fake upstream, the pass-through floor and (when built) the gateway, each as its own process. */
export async function startTargets(options: StartTargetsOptions): Promise<StartedTargets> {
  const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
  const upstream = await spawnServer({
    name: 'fake upstream',
    args: [here('./servers/fake-upstream-server.js')],
    readyPattern: ready,
    ...(options.pin ? { cpu: 0 } : {}),
  });
  const upstreamOrigin = new URL(upstream.url).origin;
  const floor = await spawnServer({
    name: 'pass-through floor',
    args: [here('./servers/pass-through-floor-server.js'), upstreamOrigin],
    readyPattern: ready,
    ...(options.pin ? { cpu: 1 } : {}),
  });
  let gateway: SpawnedServer | undefined;
  let gatewaySkipped: string | undefined;
  if (!existsSync(options.gatewayCli)) {
    gatewaySkipped = `gateway CLI not built (${options.gatewayCli} missing)`;
  } else {
    const directory = mkdtempSync(join(tmpdir(), 'switchyard-bench-'));
    const configFile = join(directory, 'gateway.yaml');
    writeFileSync(
      configFile,
      [
        'server:',
        '  port: 0',
        '  host: 127.0.0.1',
        'auth:',
        '  master_key: bench-key',
        'providers:',
        '  openai:',
        '    type: openai',
        '    api_key: x',
        `    base_url: ${upstream.url}`,
        '',
      ].join('\n'),
    );
    try {
      gateway = await spawnServer({
        name: 'gateway',
        args: [options.gatewayCli, '--config', configFile],
        env: { LOG_LEVEL: options.gatewayLogLevel, NODE_ENV: 'production' },
        readyPattern: /listening on (http:\/\/\S+)/,
        urlSuffix: '/v1',
        ...(options.pin ? { cpu: 1 } : {}),
      });
    } catch (error) {
      gatewaySkipped = `gateway failed to start: ${(error as Error).message.slice(0, 600)}`;
    }
  }
  return {
    upstream,
    floor,
    gateway,
    gatewaySkipped,
    async stopAll() {
      await Promise.all([gateway?.stop(), floor.stop(), upstream.stop()]);
    },
  };
}
