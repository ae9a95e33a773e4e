import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '@resident-graph/service-kit';

export interface WorkerPool {
  /** SIGTERM to every worker (each closes its server), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface WorkerOptions {
  /** A worker that dies sooner than this after it started is failing to start, not crashing. @default 10000 */
  startupMs?: number;
}

/**
 * Forks `count` workers running this same entry; they share the listening port and the
 * primary hands connections round-robin. A worker that crashes is replaced; one that fails
 * while starting takes the primary down with it (a bad port or key would otherwise be
 * retried for ever). The primary serves nothing.
 */
export function startWorkers(count: number, logger: Logger, options: WorkerOptions = {}): WorkerPool {
  const startupMs = options.startupMs ?? 10_000;
  let stopping = false;
  const fork = () => {
    const worker = cluster.fork();
    const startedAt = Date.now();
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      if (Date.now() - startedAt < startupMs) {
        logger.error({ pid: worker.process.pid, code, signal }, 'gateway worker failed to start');
        process.exit(1);
      }
      logger.error({ pid: worker.process.pid, code, signal }, 'gateway worker died; starting another');
      fork();
    });
  };
  for (let i = 0; i < count; i++) fork();
  logger.info({ workers: count }, 'gateway workers started');

  return {
    async stop(graceMs = 5_000) {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              const timer = setTimeout(() => worker.process.kill('SIGKILL'), graceMs);
              worker.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
              worker.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
