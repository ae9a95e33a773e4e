import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, closeSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './repoPaths';

/** Environment every process of the stack gets: nothing calls home. */
export const QUIET_ENV = {
  APOLLO_TELEMETRY_DISABLED: '1',
  TURBO_TELEMETRY_DISABLED: '1',
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
} as const;

export interface ChildServiceOptions {
  name: string;
  /**
   * A TypeScript entry file, relative to the repository root, run through the TypeScript
   * loader; or a JavaScript bundle (`bundleEntry`), run as it is.
   */
  entry: string;
  /** The TypeScript entry `entry` was compiled from (`bundleEntry`): a restart compiles it again. */
  compiledFrom?: string;
  args?: string[];
  /** Node and V8 flags, before the entry (heap sizes cannot be set from inside a process). */
  nodeArgs?: string[];
  env: NodeJS.ProcessEnv;
  logDir: string;
}

/**
 * One process of the stack, run compiled (or from TypeScript source) on the same Node binary as the
 * caller, its output kept in `<logDir>/<name>.log`.
 */
export class ChildService {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  readonly logFile: string;

  constructor(readonly options: ChildServiceOptions) {
    mkdirSync(options.logDir, { recursive: true });
    this.logFile = path.join(options.logDir, `${options.name}.log`);
    const log = openSync(this.logFile, 'a');
    // A bundle runs without --enable-source-maps: with it, every captured stack trace is
    // mapped through the maps Apollo's packages ship, which tripled a gateway's CPU per
    // request. Its .map file is beside it for reading a trace by hand.
    const runner = /\.[cm]?js$/.test(options.entry) ? [] : ['-r', '@swc-node/register'];
    this.child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...runner, options.entry, ...(options.args ?? [])], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...QUIET_ENV, ...options.env },
      // The channel is how a service learns its supervisor is gone (service-kit onShutdown).
      stdio: ['ignore', log, log, 'ipc'],
    });
    closeSync(log);
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * SIGTERM, then SIGKILL if it has not gone within `graceMs`: by default a little longer
   * than the process's own `SHUTDOWN_GRACE_MS` (10 s), so a service finishing its requests
   * in flight is not cut off.
   */
  async stop(graceMs = 12_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Polls `probe` until it resolves true; fails naming what it waited for. */
export async function waitFor(what: string, probe: () => Promise<boolean>, options: { timeoutMs: number; service?: ChildService }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline) {
    if (options.service && !options.service.running) {
      throw new Error(`${what}: process exited with code ${options.service.child.exitCode}; see ${options.service.logFile}`);
    }
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what}: not ready within ${options.timeoutMs} ms${options.service ? `; see ${options.service.logFile}` : ''}`);
}

export async function answers(url: string, acceptStatus: (status: number) => boolean = () => true): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
  await response.arrayBuffer();
  return acceptStatus(response.status);
}

/** Runs a one-shot process to completion; rejects on a non-zero exit. */
export async function runToCompletion(options: ChildServiceOptions): Promise<void> {
  const service = new ChildService(options);
  const code = await service.exited;
  if (code !== 0) throw new Error(`${options.name} exited with code ${code}; see ${service.logFile}`);
}
