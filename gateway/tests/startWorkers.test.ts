import cluster, { type Address, type Worker } from 'node:cluster';
import path from 'node:path';
import pino from 'pino';
import { startWorkers, type WorkerPool } from '../src/startWorkers';

const logger = pino({ level: 'silent' });

/** Resolves once `count` workers listen (all on the one port the primary picked). */
function listening(count: number): Promise<{ url: string; workers: Worker[] }> {
  return new Promise((resolve) => {
    const workers: Worker[] = [];
    const onListening = (worker: Worker, address: Address) => {
      workers.push(worker);
      if (workers.length < count) return;
      cluster.off('listening', onListening);
      resolve({ url: `http://127.0.0.1:${address.port}/`, workers });
    };
    cluster.on('listening', onListening);
  });
}

const pidAnswering = async (url: string) => (await fetch(url)).text();

describe('startWorkers', () => {
  let pool: WorkerPool | undefined;

  beforeAll(() => {
    cluster.setupPrimary({ exec: path.join(__dirname, 'fixtures', 'pidWorker.cjs'), execArgv: [] });
  });
  afterEach(async () => {
    await pool?.stop();
    pool = undefined;
  });

  it('runs the workers on one shared port and hands requests to each', async () => {
    const started = listening(2);
    pool = startWorkers(2, logger, { startupMs: 0 });
    const { url, workers } = await started;

    const answered = new Set<string>();
    for (let i = 0; i < 10; i++) answered.add(await pidAnswering(url));
    expect(answered).toEqual(new Set(workers.map((worker) => String(worker.process.pid))));
  });

  it('replaces a worker that crashes, and stops every worker', async () => {
    const started = listening(1);
    pool = startWorkers(1, logger, { startupMs: 0 });
    const { url, workers } = await started;
    const first = String(workers[0]!.process.pid);

    const replaced = listening(1);
    await fetch(`${url}crash`).catch(() => undefined);
    // With no worker left the shared port closed; the replacement listens anew.
    const { url: again, workers: replacements } = await replaced;
    expect(String(replacements[0]!.process.pid)).not.toBe(first);
    expect(await pidAnswering(again)).toBe(String(replacements[0]!.process.pid));

    await pool.stop();
    pool = undefined;
    expect(Object.values(cluster.workers ?? {}).filter((worker) => worker && !worker.isDead())).toEqual([]);
  });
});
