import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { embeddedPostgresUrl } from './embeddedPostgresUrl';
import { keepBatchesTogether } from './keepBatchesTogether';
import { shareNamedStatements } from './shareNamedStatements';

/**
 * PostgreSQL's memory sized for a street on a desk machine. PGlite's memory is WebAssembly's,
 * which never shrinks: what PostgreSQL once used stays resident. At the default 128 MB of
 * shared buffers the idle embedded database held about 460 MB (its tables are read through
 * the operating system's page cache all the same); building the stand-ins' indexes with the
 * default 64 MB of maintenance memory left that much behind too.
 */
const MEMORY_SETTINGS = ['-c', 'shared_buffers=16MB', '-c', 'wal_buffers=1MB', '-c', 'maintenance_work_mem=16MB'];
/**
 * The one session's statements are shared by every client (`shareNamedStatements`) and planned
 * once, as a server's connections plan them (service-kit `namedStatementSettings`): the
 * options a client sends when connecting do not reach PGlite.
 */
const PLAN_SETTINGS = ['-c', 'plan_cache_mode=force_generic_plan'];

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** Names the socket (`.s.PGSQL.<port>`, as PostgreSQL names its own); no TCP port is opened. */
  port: number;
  /** The folder the socket is made in: created if missing, and made 0700 in any case. */
  socketDir: string;
}

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL for the default start without a server: PGlite (Postgres compiled to wasm)
 * behind its wire-protocol socket, so every component connects with an ordinary
 * connection string and the same SQL as in production.
 *
 * PGlite checks no password: it answers any user and any password with "authentication ok",
 * as the superuser. So it listens on no TCP port, not even loopback's, where every account of
 * the machine could connect, but on a Unix socket in a folder only this OS user may enter
 * (0700): the operating system does the authentication.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  mkdirSync(options.dataDir, { recursive: true });
  mkdirSync(options.socketDir, { recursive: true, mode: 0o700 });
  chmodSync(options.socketDir, 0o700);
  const socketPath = path.join(options.socketDir, `.s.PGSQL.${options.port}`);
  // A socket file left by a process that was killed would refuse the listen (EADDRINUSE).
  rmSync(socketPath, { force: true });
  const db = await PGlite.create({ dataDir: options.dataDir, startParams: [...PGlite.defaultStartParams, ...MEMORY_SETTINGS, ...PLAN_SETTINGS] });
  // Every service keeps a pool of up to 10 (pg's default): the audit writers alone hold 60.
  const server = new PGLiteSocketServer({ db: keepBatchesTogether(shareNamedStatements(db)), path: socketPath, maxConnections: 256 });
  await server.start();
  // Connecting needs write access to the socket: the owner's alone, whatever the umask.
  chmodSync(socketPath, 0o600);
  return {
    url: embeddedPostgresUrl(options.socketDir, options.port),
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
