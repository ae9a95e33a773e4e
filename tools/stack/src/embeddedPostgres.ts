import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { keepBatchesTogether } from './keepBatchesTogether';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL for the default start without a server: PGlite (Postgres compiled to wasm)
 * behind its wire-protocol socket, so every component connects with an ordinary
 * connection string and the same SQL as in production.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; host?: string }): Promise<EmbeddedPostgres> {
  mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: options.dataDir });
  const host = options.host ?? '127.0.0.1';
  // Every service keeps a pool of up to 10 (pg's default): the audit writers alone hold 60.
  const server = new PGLiteSocketServer({ db: keepBatchesTogether(db), port: options.port, host, maxConnections: 256 });
  await server.start();
  return {
    url: `postgresql://postgres@${host}:${options.port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
