import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  /** A second gateway to compare with (another build or other node arguments), when asked for. */
  baseline: SpawnedServer | undefined;
  baselineSkipped: string | undefined;
  stopAll(): Promise<void>;
}

/** How to run one gateway process. */
export interface GatewayLaunch {
  cli: string;
  /** Extra `node` arguments (e.g. `--inspect=127.0.0.1:0`, `--import <hook>`). */
  nodeArguments?: readonly string[];
}

export interface StartTargetsOptions {
  /** Pin the proxies (floor, gateways) to CPU 1 and the fake upstream to CPU 0. */
  pin: boolean;
  gateway: GatewayLaunch;
  /** A second gateway measured the same way, e.g. the previous build (`BENCH_BASELINE_GATEWAY_CLI`). */
  baseline?: GatewayLaunch;
  gatewayLogLevel: string;
  /**
   * Where the gateways store state: each its own fresh PGlite folder (default), or the PostgreSQL
   * database at this URL (the gateways migrate it; use a scratch database, rows accumulate).
   */
  databaseUrl?: string;
}

export const defaultGatewayCli = fileURLToPath(new URL('../../gateway/dist/cli.js', import.meta.url));

/** The gateway's `storage:` section: always explicit, so a run never reuses an old `./data` folder. */
function storageSection(directory: string, databaseUrl: string | undefined): string[] {
  if (databaseUrl !== undefined) return ['storage:', `  database_url: ${JSON.stringify(databaseUrl)}`];
  return ['storage:', `  data_dir: ${JSON.stringify(join(directory, 'data'))}`];
}

interface GatewayOutcome {
  server: SpawnedServer | undefined;
  skipped: string | undefined;
}

async function startGateway(name: string, launch: GatewayLaunch, directory: string, upstreamUrl: string, options: StartTargetsOptions): Promise<GatewayOutcome> {
  if (!existsSync(launch.cli)) return { server: undefined, skipped: `${name} CLI not built (${launch.cli} missing)` };
  const configFile = join(directory, `${name}.yaml`);
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
      `    base_url: ${upstreamUrl}`,
      ...storageSection(join(directory, name), options.databaseUrl),
      '',
    ].join('\n'),
  );
  try {
    const server = await spawnServer({
      name,
      args: [...(launch.nodeArguments ?? []), launch.cli, '--config', configFile],
      env: { LOG_LEVEL: options.gatewayLogLevel, NODE_ENV: 'production' },
      readyPattern: /listening on (http:\/\/\S+)/,
      urlSuffix: '/v1',
      // A fresh PGlite folder (initdb in WASM) plus migrations take several seconds on a busy machine.
      timeoutMs: 60_000,
      ...(options.pin ? { cpu: 1 } : {}),
    });
    return { server, skipped: undefined };
  } catch (error) {
    return { server: undefined, skipped: `${name} failed to start: ${(error as Error).message.slice(0, 600)}` };
  }
}

/** Starts the fake upstream, the pass-through floor and (when built) the gateway(s), each as its own process. */
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
  const directory = mkdtempSync(join(tmpdir(), 'switchyard-bench-'));
  const gateway = await startGateway('gateway', options.gateway, directory, upstream.url, options);
  const baseline =
    options.baseline === undefined ? { server: undefined, skipped: undefined } : await startGateway('baseline', options.baseline, directory, upstream.url, options);
  return {
    upstream,
    floor,
    gateway: gateway.server,
    gatewaySkipped: gateway.skipped,
    baseline: baseline.server,
    baselineSkipped: baseline.skipped,
    async stopAll() {
      await Promise.all([gateway.server?.stop(), baseline.server?.stop(), floor.stop(), upstream.stop()]);
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
