import { Pool, type PoolConfig } from 'pg';
import { TEST_DATABASE_URL } from '@resident-graph/test-kit';

/** The module reads PG_PREPARED_STATEMENTS when it loads: each case loads its own copy. */
function loadWith(value: string | undefined): typeof import('../src/statementName') {
  const saved = process.env.PG_PREPARED_STATEMENTS;
  if (value === undefined) delete process.env.PG_PREPARED_STATEMENTS;
  else process.env.PG_PREPARED_STATEMENTS = value;
  try {
    let loaded: typeof import('../src/statementName') | undefined;
    jest.isolateModules(() => {
      loaded = jest.requireActual<typeof import('../src/statementName')>('../src/statementName');
    });
    return loaded!;
  } finally {
    if (saved === undefined) delete process.env.PG_PREPARED_STATEMENTS;
    else process.env.PG_PREPARED_STATEMENTS = saved;
  }
}

describe('statementName', () => {
  it('names nothing unless told the database is a PostgreSQL server', () => {
    expect(loadWith(undefined).statementName('SELECT 1')).toBe('');
    expect(loadWith('off').preparedQuery('SELECT 1', [])).toEqual({ name: '', text: 'SELECT 1', values: [] });
  });

  it('gives one text one name, every time, and another text another', () => {
    const { statementName, preparedQuery } = loadWith('on');
    const name = statementName('SELECT $1::int');
    expect(name).toMatch(/^rg_[\w-]{22}$/);
    expect(statementName('SELECT $1::int')).toBe(name);
    expect(statementName('SELECT $1::text')).not.toBe(name);
    expect(preparedQuery('SELECT $1::int', [7])).toEqual({ name, text: 'SELECT $1::int', values: [7] });
  });

  it('stops naming new texts after 128, so texts that vary with their input cannot pile up on the server', () => {
    const { statementName } = loadWith('on');
    const names = Array.from({ length: 130 }, (_, i) => statementName(`SELECT ${i}`));
    expect(new Set(names.slice(0, 128)).size).toBe(128);
    expect(names.slice(128)).toEqual(['', '']);
    expect(statementName('SELECT 5')).toBe(names[5]);
  });

  it('refuses a value that is neither on nor off, naming the setting', () => {
    expect(() => loadWith('yes')).toThrow(/PG_PREPARED_STATEMENTS/);
  });
});

describe('namedStatementSettings', () => {
  it('asks nothing of the connection when statements go unnamed (PGlite)', () => {
    expect(loadWith('off').namedStatementSettings).toEqual({});
  });

  it('has the server plan a named key lookup once, where by default it plans it again on every run', async () => {
    const { namedStatementSettings, preparedQuery } = loadWith('on');
    const plansAfterEightRuns = async (settings: PoolConfig) => {
      const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 1, ...settings });
      try {
        // Shaped like a jurisdiction lookup: rows of a table by a list of keys.
        const lookup = preparedQuery(
          'SELECT c.relname FROM unnest($1::text[]) AS wanted(name), LATERAL (SELECT relname FROM pg_class WHERE relname = wanted.name OFFSET 0) AS c',
          [['pg_class']],
        );
        for (let run = 0; run < 8; run++) await pool.query(lookup);
        const { rows } = await pool.query<{ generic: number; custom: number }>(
          'SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE name = $1',
          [lookup.name],
        );
        return rows[0];
      } finally {
        await pool.end();
      }
    };
    expect(await plansAfterEightRuns({})).toEqual({ generic: 0, custom: 8 });
    expect(await plansAfterEightRuns(namedStatementSettings)).toEqual({ generic: 8, custom: 0 });
  });
});
