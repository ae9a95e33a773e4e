import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { runSqlMigrations } from '../src';

const pool = new Pool({ connectionString: process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test', max: 2 });
const schema = `migrations_${randomBytes(4).toString('hex')}`;
const dir = mkdtempSync(path.join(tmpdir(), 'migrations-'));
const write = (file: string, sql: string) => writeFileSync(path.join(dir, file), sql);
const recorded = async () => (await pool.query<{ name: string }>(`SELECT name FROM "${schema}".schema_migrations ORDER BY name`)).rows.map((row) => row.name);

afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
  rmSync(dir, { recursive: true, force: true });
});

describe('runSqlMigrations', () => {
  it('applies the files in name order inside the schema, records them, and on the next run applies only new ones', async () => {
    write('0002_add_column.sql', 'ALTER TABLE thing ADD COLUMN label text;');
    write('0001_create.sql', 'CREATE TABLE thing (id int PRIMARY KEY);');
    write('notes.txt', 'not a migration');
    expect(await runSqlMigrations(pool, schema, dir)).toEqual(['0001_create.sql', '0002_add_column.sql']);
    await pool.query(`INSERT INTO "${schema}".thing (id, label) VALUES (1, 'a')`);

    expect(await runSqlMigrations(pool, schema, dir)).toEqual([]);
    write('0003_index.sql', 'CREATE INDEX thing_label ON thing (label);');
    expect(await runSqlMigrations(pool, schema, dir)).toEqual(['0003_index.sql']);
    expect(await recorded()).toEqual(['0001_create.sql', '0002_add_column.sql', '0003_index.sql']);
  });

  it('leaves a failing migration neither half applied nor recorded, and applies it once it is fixed', async () => {
    write('0004_broken.sql', 'ALTER TABLE thing ADD COLUMN size int; SELECT no_such_function();');
    await expect(runSqlMigrations(pool, schema, dir)).rejects.toThrow(/no_such_function/);
    expect(await recorded()).not.toContain('0004_broken.sql');
    const columns = await pool.query(`SELECT 1 FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'thing' AND column_name = 'size'`, [
      schema,
    ]);
    expect(columns.rowCount).toBe(0);

    write('0004_broken.sql', 'ALTER TABLE thing ADD COLUMN size int;');
    expect(await runSqlMigrations(pool, schema, dir)).toEqual(['0004_broken.sql']);
  });
});
