import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import type { PoolClient } from 'pg';
import type { Logger } from '@resident-graph/service-kit';

/** One queue per department: a department that is down holds back only its own deliveries. */
export const queueNameOf = (department: string): string => `change-delivery-${department}`;

export interface DeliveryQueueSettings {
  databaseUrl: string;
  /** pg-boss's own schema (its tables and functions), beside the changes schema. */
  schema: string;
  /** Sends a delivery may take before it is left failed (still PENDING on its report, and RED once late). */
  retryLimit: number;
  /** The first retry's delay; each next one doubles it (pg-boss's exponential back-off, with jitter). */
  retryDelaySeconds: number;
  /** Deliveries in flight per department at once. */
  concurrency: number;
  /** How often an idle worker looks for jobs. */
  pollingIntervalSeconds: number;
  /** A send still active after this long (its worker died) is failed and retried. */
  expireInSeconds: number;
}

const WORKER_MONITOR_INTERVAL_MS = 1_000;

export interface DeliveryJob {
  deliveryId: string;
}

export interface DeliveryQueue {
  /** Adds the deliveries' jobs on the caller's transaction: they exist exactly when it commits. The job id is the delivery id. */
  enqueue(client: PoolClient, deliveries: readonly { id: string; department: string }[]): Promise<void>;
  /** Starts the workers: `deliver` resolves when the delivery is settled, throws to have it retried. */
  work(deliver: (deliveryId: string) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/**
 * The delivery queue on pg-boss, in the street's PostgreSQL. Pinned to pg-boss 10: from 11 it
 * is an ES module only, which the project's CommonJS test runner does not load.
 */
export async function createDeliveryQueue(settings: DeliveryQueueSettings, departments: readonly string[], logger: Logger): Promise<DeliveryQueue> {
  const boss = new PgBoss({
    connectionString: settings.databaseUrl,
    schema: settings.schema,
    // The street's PostgreSQL has 100 connections for every service: the queue keeps few.
    max: 2,
    // Nothing here is scheduled by cron; its clock and cron monitors would only poll.
    schedule: false,
  });
  boss.on('error', (error) => logger.error({ err: error }, 'delivery queue error'));
  const sending = new Set<Promise<void>>();
  await boss.start();
  const queueOptions = {
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: settings.expireInSeconds,
  };
  for (const department of departments) {
    const name = queueNameOf(department);
    await boss.createQueue(name, { name, ...queueOptions });
    // A queue made by an earlier start keeps its old settings otherwise.
    await boss.updateQueue(name, { name, ...queueOptions });
  }
  return {
    async enqueue(client, deliveries) {
      const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
      for (const delivery of deliveries) {
        const id = await boss.send(queueNameOf(delivery.department), { deliveryId: delivery.id } satisfies DeliveryJob, { id: delivery.id, db });
        if (id === null) throw new Error(`the delivery queue for ${delivery.department} did not take delivery ${delivery.id}`);
      }
    },
    async work(deliver) {
      for (const department of departments) {
        for (let worker = 0; worker < settings.concurrency; worker += 1) {
          // Set once `work` answers; a batch fetched before that waits the interval as before.
          const started: { id?: string } = {};
          started.id = await boss.work<DeliveryJob>(
            queueNameOf(department),
            { batchSize: 1, pollingIntervalSeconds: settings.pollingIntervalSeconds },
            async (jobs) => {
              for (const job of jobs) {
                const send = deliver(job.data.deliveryId);
                sending.add(send);
                try {
                  await send;
                } finally {
                  sending.delete(send);
                }
              }
              // pg-boss 10 waits out the polling interval after every fetch, busy or not: each
              // worker would send one delivery a second however many are queued (the bench's
              // backlog: 48 reports/s taken, 2 deliveries/s sent). Told it has work, it fetches at once.
              if (started.id) boss.notifyWorker(started.id);
            },
          );
        }
      }
    },
    async close() {
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
      await Promise.allSettled(sending);
      // pg-boss's stop leaves a monitor that looks once a second for its workers to have
      // stopped; they have now, so its next look is its last. Closed before that look, a
      // test runner that has torn its modules down fails the next test file in its worker.
      await sleep(WORKER_MONITOR_INTERVAL_MS);
    },
  };
}
