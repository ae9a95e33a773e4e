import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createAuditStore, prepareAuditStore } from '@resident-graph/audit';
import { freePorts } from '@resident-graph/test-kit';
import { ChildService, waitFor } from '../src/ChildService';
import { embeddedPostgresUrl } from '../src/embeddedPostgresUrl';

const CLIENTS = 8;
const QUERIES_EACH = 40;

async function connects(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('embedded PostgreSQL with many clients at once', () => {
  let dataDir: string;
  let postgres: ChildService;
  let port: number;
  let socketDir: string;
  let url: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'embedded-postgres-'));
    [port] = (await freePorts(1)) as [number];
    socketDir = path.join(dataDir, 'socket');
    // PGlite loads its wasm by dynamic import, which jest's module sandbox refuses: run it
    // as the stack does, in a process of its own.
    postgres = new ChildService({
      name: 'embedded-postgres',
      entry: 'tools/stack/src/embeddedPostgresMain.ts',
      env: { PORT: String(port), PGLITE_DATA_DIR: path.join(dataDir, 'pglite'), PGLITE_SOCKET_DIR: socketDir },
      logDir: dataDir,
    });
    url = embeddedPostgresUrl(socketDir, port);
    await waitFor('embedded PostgreSQL', () => connects(url), { timeoutMs: 50_000, service: postgres });
    for (let index = 0; index < CLIENTS; index++) {
      const client = new Client({ connectionString: url });
      await client.connect();
      clients.push(client);
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end()));
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('listens on no TCP port, only on a socket in a folder no other account may enter', async () => {
    const tcp = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => resolve(socket.destroy() !== undefined));
      socket.once('error', () => resolve(false));
    });
    expect(tcp).toBe(false);
    expect(statSync(socketDir).mode & 0o777).toBe(0o700);
    const socket = statSync(path.join(socketDir, `.s.PGSQL.${port}`));
    expect(socket.isSocket()).toBe(true);
    expect(socket.mode & 0o777).toBe(0o600);
  });

  // Why the socket's folder is the lock: PGlite lets in any user with any password, as the superuser.
  it('checks no password itself', async () => {
    const stranger = new URL(url);
    stranger.username = 'nobody';
    stranger.password = 'not-the-password';
    const client = new Client({ connectionString: stranger.toString() });
    await client.connect();
    try {
      expect((await client.query<{ superuser: string }>("SELECT current_setting('is_superuser') AS superuser")).rows[0]!.superuser).toBe('on');
    } finally {
      await client.end();
    }
  });

  it('refuses another OS account at the socket', async () => {
    // psql as `nobody` (the suite runs as root here, as CI does): the kernel refuses before PostgreSQL's protocol starts.
    const refusal = await new Promise<string>((resolve) => {
      execFile(
        'runuser',
        ['-u', 'nobody', '--', 'psql', `host=${socketDir} port=${port} user=postgres dbname=postgres`, '-c', 'SELECT 1'],
        (error, _stdout, stderr) => resolve(error ? stderr : 'connected'),
      );
    });
    expect(refusal).toMatch(/Permission denied/);
  });

  // PGlite has one user, the superuser, so no role can be kept from changing the trail: its triggers refuse instead.
  it.each(["UPDATE audit.audit_entry SET subject = 'nobody'", 'DELETE FROM audit.audit_entry', 'TRUNCATE audit.audit_entry'])(
    'keeps the audit trail append-only: %s is refused',
    async (sql) => {
      await prepareAuditStore({ databaseUrl: url, schema: 'audit' });
      const store = createAuditStore({ databaseUrl: url, schema: 'audit', timeoutMs: 5_000 });
      try {
        await store.append({
          requestId: 'r',
          subgraph: 'grid',
          subject: 's',
          role: 'grid-worker',
          purposeCode: 'HOME_VISIT',
          residentIds: ['x'],
          fields: ['Resident.name'],
          outcome: 'SERVED',
        });
        await expect(clients[0]!.query(sql)).rejects.toMatchObject({
          code: '42501',
          message: expect.stringMatching(/^the audit trail is append-only: (UPDATE|DELETE|TRUNCATE) on audit_entry refused$/),
        });
        expect((await store.latest(1000)).length).toBeGreaterThan(0);
      } finally {
        await store.close();
      }
    },
  );

  // Each client runs parameterised statements of its own shape, all clients at once: an
  // answer computed from another client's statement or parameters shows up as a wrong value
  // or a protocol error (`portal "" does not exist`).
  it('answers every parameterised statement with its own client’s values', async () => {
    const runs = clients.map(async (client, clientIndex) => {
      const answers: string[] = [];
      for (let round = 0; round < QUERIES_EACH; round++) {
        const result =
          clientIndex % 2 === 0
            ? await client.query<{ answer: string }>('SELECT ($1::int * 1000 + $2::int)::text AS answer', [clientIndex, round])
            : await client.query<{ answer: string }>("SELECT $1::text || '/' || $2::text || '/' || $3::text AS answer", [`c${clientIndex}`, round, 'odd']);
        answers.push(result.rows[0]!.answer);
      }
      return answers;
    });
    const answers = await Promise.all(runs);
    answers.forEach((clientAnswers, clientIndex) => {
      const expected = Array.from({ length: QUERIES_EACH }, (_, round) =>
        clientIndex % 2 === 0 ? String(clientIndex * 1000 + round) : `c${clientIndex}/${round}/odd`,
      );
      expect(clientAnswers).toEqual(expected);
    });
  });

  // The stack's services name a statement by its text's digest: one name is one text, prepared once for the whole session.
  it('lets every client run a statement another prepared under its name, planned once for all of them', async () => {
    const lookup = {
      name: 'rg_shared_lookup',
      text: 'SELECT c.relname FROM unnest($1::text[]) AS wanted(name), LATERAL (SELECT relname FROM pg_class WHERE relname = wanted.name OFFSET 0) AS c',
    };
    const tableOf = (index: number) => (index % 2 === 0 ? 'pg_class' : 'pg_type');
    const answers = await Promise.all(clients.map((client, index) => client.query<{ relname: string }>({ ...lookup, values: [[tableOf(index)]] })));
    expect(answers.map((answer) => answer.rows[0]?.relname)).toEqual(clients.map((_, index) => tableOf(index)));
    const late = new Client({ connectionString: url });
    await late.connect();
    try {
      expect((await late.query({ ...lookup, values: [['pg_proc']] })).rows).toEqual([{ relname: 'pg_proc' }]);
      const plans = await late.query('SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE name = $1', [
        lookup.name,
      ]);
      expect(plans.rows).toEqual([{ generic: CLIENTS + 1, custom: 0 }]);
    } finally {
      await late.end();
    }
  });

  it('remembers no name whose statement was refused: the next client to prepare it is answered by PostgreSQL', async () => {
    const [first, second] = clients;
    await expect(first!.query({ name: 'rg_refused_once', text: 'SELECT nothing FROM nowhere' })).rejects.toMatchObject({ code: '42P01' });
    expect((await second!.query({ name: 'rg_refused_once', text: 'SELECT 1 AS one' })).rows).toEqual([{ one: 1 }]);
  });

  it('holds other clients back until an open transaction ends', async () => {
    const [writer, ...readers] = clients;
    await writer!.query('CREATE TABLE IF NOT EXISTS counter (n int)');
    await writer!.query('BEGIN');
    await writer!.query('INSERT INTO counter VALUES ($1)', [1]);
    const seenByOthers = Promise.all(readers.map((reader) => reader.query<{ count: string }>('SELECT count(*)::text AS count FROM counter WHERE n = $1', [1])));
    await writer!.query('INSERT INTO counter VALUES ($1)', [1]);
    await writer!.query('ROLLBACK');
    // PGlite is one session: a reader let in mid-transaction would count the uncommitted rows.
    expect((await seenByOthers).map((result) => result.rows[0]!.count)).toEqual(readers.map(() => '0'));
  });

  it('ignores a search path given when connecting, and keeps one set for a transaction to that transaction', async () => {
    // Why the departments name their schema per transaction (civil affairs' changes) or in every statement (the link store).
    const [writer, other] = clients;
    await writer!.query('CREATE SCHEMA IF NOT EXISTS bureau');
    const optioned = new Client({ connectionString: url, options: '-c search_path=bureau' });
    await optioned.connect();
    try {
      expect((await optioned.query<{ schema: string }>('SELECT current_schema() AS schema')).rows[0]!.schema).toBe('public');
    } finally {
      await optioned.end();
    }
    await writer!.query('BEGIN');
    await writer!.query(`SELECT set_config('search_path', $1, true)`, ['bureau']);
    expect((await writer!.query<{ schema: string }>('SELECT current_schema() AS schema')).rows[0]!.schema).toBe('bureau');
    await writer!.query('COMMIT');
    expect((await other!.query<{ schema: string }>('SELECT current_schema() AS schema')).rows[0]!.schema).toBe('public');
    expect((await writer!.query<{ schema: string }>('SELECT current_schema() AS schema')).rows[0]!.schema).toBe('public');
  });
});
