import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const startScript = fileURLToPath(new URL('../scripts/start-mock.mjs', import.meta.url));

export interface MockServerOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Extra `prism mock` arguments, e.g. `['--dynamic']`. */
  readonly prismArguments?: readonly string[];
  /** Give up when Prism has not started after this long (default 30 s). */
  readonly startTimeoutMs?: number;
}

export interface MockServer {
  /** e.g. `http://127.0.0.1:41675` */
  readonly url: string;
  readonly port: number;
  /** Prism's log so far (useful when a test fails). */
  readonly log: () => string;
  close(): Promise<void>;
}

export class MockServerStartError extends Error {
  override readonly name = 'MockServerStartError';
  readonly isRetryable = false;
}

/** Starts the Prism mock of the contract (scripts/start-mock.mjs) as a child process; resolves once it listens. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const host = options.host ?? '127.0.0.1';
  const timeout = options.startTimeoutMs ?? 30_000;
  const child: ChildProcess = spawn(process.execPath, [startScript, ...(options.prismArguments ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MOCK_HOST: host, MOCK_PORT: String(options.port ?? 0), NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  let output = '';
  const exited = once(child, 'exit');
  const listening = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new MockServerStartError(`Prism did not start within ${timeout} ms:\n${output}`)), timeout);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const port = /Prism is listening on https?:\/\/[^\s]+:(\d+)/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve(Number(port));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    exited.then(
      ([code]) => {
        clearTimeout(timer);
        reject(new MockServerStartError(`Prism exited with code ${String(code)} before listening:\n${output}`));
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(new MockServerStartError(`Prism could not be started: ${String(error)}`));
      },
    );
  });
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited.catch(() => undefined);
    }
  };
  try {
    const port = await listening;
    return { url: `http://${host}:${port}`, port, log: () => output, close };
  } catch (error) {
    await close();
    throw error;
  }
}
