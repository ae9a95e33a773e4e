import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` on one pooled connection. A connection that dies while checked out (the
 * database restarted, the session was ended) emits `error`, which the pool does not listen
 * for then: it would end the process. Here it fails only `work`, and the connection is
 * discarded instead of going back to the pool.
 */
export async function withBureauConnection<T>(pool: Pool, work: (client: PoolClient, lost: () => boolean) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let failure: Error | undefined;
  const onError = (error: Error) => {
    failure = error;
  };
  client.on('error', onError);
  try {
    return await work(client, () => failure !== undefined);
  } finally {
    client.off('error', onError);
    client.release(failure);
  }
}

/**
 * `work` inside BEGIN … COMMIT on one connection (`withBureauConnection`), on the bureau's
 * `schema`, rolled back if it throws; a connection already lost is not asked to roll back: its
 * transaction died with it. The schema is set for the transaction alone: the embedded PGlite
 * of the default start ignores a search path given when connecting, and its connections share
 * one session, so a session-wide setting would reach other clients too.
 */
export function inBureauTransaction<T>(pool: Pool, schema: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
  return withBureauConnection(pool, async (client, lost) => {
    await client.query('BEGIN');
    try {
      await client.query(`SELECT set_config('search_path', $1, true)`, [schema]);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      if (!lost()) await client.query('ROLLBACK');
      throw error;
    }
  });
}
