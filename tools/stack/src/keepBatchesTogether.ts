import type { PGlite } from '@electric-sql/pglite';

// Frontend messages of the extended query protocol that leave the backend mid-batch: the
// unnamed statement and portal they create live until the client's Sync.
export const OPENS_BATCH: ReadonlySet<number> = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((letter) => letter.charCodeAt(0)));
export const ENDS_BATCH: ReadonlySet<number> = new Set(['S', 'Q', 'X'].map((letter) => letter.charCodeAt(0)));

/**
 * PGlite is one session, and pglite-socket queues its clients' messages one by one,
 * keeping to one client only while `isInTransaction()`. Between an extended-protocol
 * Parse and its Sync there is no transaction, so two clients' batches interleave and
 * clobber each other's unnamed statement (`portal "" does not exist`, or a statement run
 * with another's parameters: electric-sql/pglite#1046). Reporting a batch in flight as a
 * transaction keeps the queue on that client until its Sync.
 */
export function keepBatchesTogether(db: PGlite): PGlite {
  let batchOpen = false;
  const track = (message: Uint8Array) => {
    const type = message[0];
    if (type === undefined) return;
    if (OPENS_BATCH.has(type)) batchOpen = true;
    else if (ENDS_BATCH.has(type)) batchOpen = false;
  };
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'isInTransaction') return () => batchOpen || target.isInTransaction();
      if (property === 'execProtocolRawStream') {
        return (message: Uint8Array, options: Parameters<PGlite['execProtocolRawStream']>[1]) => {
          track(message);
          return target.execProtocolRawStream(message, options);
        };
      }
      if (property === 'exec') {
        // The queue's rollback for a client that left mid-batch or mid-transaction.
        return (query: string) => {
          batchOpen = false;
          return target.exec(query);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
