import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePorts } from '@resident-graph/test-kit';
import { ChildService, waitFor } from '../src/ChildService';

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
  const clients: Client[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'embedded-postgres-'));
    const [port] = await freePorts(1);
    // PGlite loads its wasm by dynamic import, which jest's module sandbox refuses: run it
    // as the stack does, in a process of its own.
    postgres = new ChildService({
      name: 'embedded-postgres',
      entry: 'tools/stack/src/embeddedPostgresMain.ts',
      env: { PORT: String(port), PGLITE_DATA_DIR: path.join(dataDir, 'pglite') },
      logDir: dataDir,
    });
    const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
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
});
