import { spawn, type ChildProcess } from 'node:child_process';

export interface SpawnedServer {
  name: string;
  pid: number;
  /** Base URL ending in `/v1`. */
  url: string;
  /** The last few KB of the process's stdout/stderr (to explain a crash). */
  outputTail(): string;
  /** Exit code or signal once the process has ended, else undefined. */
  exited(): string | undefined;
  stop(): Promise<void>;
}

export interface SpawnServerOptions {
  name: string;
  /** Arguments to `node`. */
  args: string[];
  env?: Record<string, string>;
  /** A stdout line matching this gives the URL in its first capture group. */
  readyPattern: RegExp;
  /** Appended to the captured URL (the gateway prints its origin; the base URL needs `/v1`). */
  urlSuffix?: string;
  /** Pin the process to this CPU with `taskset` (it execs, so the pid stays the node process). */
  cpu?: number;
  timeoutMs?: number;
}

/** Starts a server as its own child process and waits until it reports its URL. */
export function spawnServer(options: SpawnServerOptions): Promise<SpawnedServer> {
  const command = options.cpu === undefined ? process.execPath : 'taskset';
  const args = options.cpu === undefined ? options.args : ['-c', String(options.cpu), process.execPath, ...options.args];
  const child = spawn(command, args, { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exitedWith: string | undefined;
  child.on('exit', (code, signal) => {
    exitedWith = signal ?? String(code);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${options.name} did not start within ${options.timeoutMs ?? 15_000} ms`)), options.timeoutMs ?? 15_000);
    function fail(error: Error): void {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n--- ${options.name} output ---\n${output.slice(-2000)}`));
    }
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = options.readyPattern.exec(output);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stdout?.on('data', keepTail);
      resolve({
        name: options.name,
        pid: child.pid as number,
        url: `${match[1]}${options.urlSuffix ?? ''}`,
        outputTail: () => output.slice(-3000),
        exited: () => exitedWith,
        stop: () => stopChild(child),
      });
    };
    const keepTail = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.length > 20_000) output = output.slice(-10_000);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', keepTail);
    child.on('exit', (code) => fail(new Error(`${options.name} exited with code ${String(code)}`)));
    child.on('error', (error) => fail(error));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.removeAllListeners('exit');
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
