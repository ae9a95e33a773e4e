import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import type { DataQualitySource } from '@resident-graph/adapter-kit';
import type { DataQualityIssue } from '@resident-graph/schemas';
import {
  access,
  createDataQualityIndex,
  issueViewsOf,
  asSeenBy,
  prepareDataQualityIndex,
  publishDataQuality,
  showIssue,
  type DataQualityIndex,
  type PolicyTable,
} from '../src';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const issue = (overrides: Partial<DataQualityIssue> = {}): DataQualityIssue => ({
  department: 'civil-affairs',
  kind: 'INVALID_CITIZEN_ID',
  storedId: '31011519620518035X',
  recordReference: 'MZ-2019-0042',
  nameOnRecord: '孙志刚',
  ...overrides,
});

describe('issueViewsOf: a department policy table, read for its data-quality issues', () => {
  const FRONT = access('allow', { analyst: 'deny', auditor: 'deny' });
  const table: PolicyTable = {
    Resident: { civilAffairs: access('jurisdiction', { analyst: 'deny', auditor: 'deny', 'window-clerk': 'deny' }) },
    CivilAffairsSection: { dataQualityIssues: access('allow', { analyst: 'deny', auditor: 'deny', 'other-officer': 'deny' }) },
    DataQualityIssue: {
      department: FRONT,
      kind: access('allow', { 'grid-worker': 'deny' }),
      storedId: access('mask', { 'own-officer': 'allow' }),
      recordReference: access('deny', { 'own-officer': 'allow' }),
      nameOnRecord: access('jurisdiction', { 'own-officer': 'allow' }),
      grade: FRONT,
    },
  };

  it('shows the issues to an audience only where the section, its issues, their department and kind are all open to it', () => {
    const views = issueViewsOf(table, { field: 'civilAffairs', sectionType: 'CivilAffairsSection' });
    expect(Object.keys(views)).toEqual(['own-officer']);
    expect(views['own-officer']).toEqual({ storedId: 'allow', recordReference: 'allow', nameOnRecord: 'allow', grade: 'allow', reason: 'deny' });
  });

  it('takes each detail as the DataQualityIssue row says, a missing row as deny, and jurisdiction as allow', () => {
    const open: PolicyTable = {
      Resident: { civilAffairs: FRONT },
      CivilAffairsSection: { dataQualityIssues: FRONT },
      DataQualityIssue: { ...table.DataQualityIssue, kind: FRONT },
    };
    const { nameOnRecord: _left, ...withoutNameRow } = open.DataQualityIssue!;
    const withoutName: PolicyTable = { ...open, DataQualityIssue: withoutNameRow };
    expect(issueViewsOf(open, { field: 'civilAffairs', sectionType: 'CivilAffairsSection' })['window-clerk']).toEqual({
      storedId: 'mask',
      recordReference: 'deny',
      nameOnRecord: 'allow',
      grade: 'allow',
      reason: 'deny',
    });
    expect(issueViewsOf(withoutName, { field: 'civilAffairs', sectionType: 'CivilAffairsSection' })['window-clerk']?.nameOnRecord).toBe('deny');
    expect(issueViewsOf(open, { field: 'labour', sectionType: 'LabourSection' })).toEqual({});
  });

  it('marks the audiences that may review the section’s links, and only those', () => {
    const reviewed: PolicyTable = { ...table, Mutation: { confirmCivilAffairsLink: access('deny', { 'own-officer': 'jurisdiction' }) } };
    const views = issueViewsOf(reviewed, { field: 'civilAffairs', sectionType: 'CivilAffairsSection' });
    expect(views['own-officer']?.reviewsLinks).toBe(true);
    const open = {
      ...reviewed,
      Resident: { civilAffairs: FRONT },
      CivilAffairsSection: { dataQualityIssues: FRONT },
      DataQualityIssue: { ...table.DataQualityIssue, kind: FRONT },
    };
    expect(issueViewsOf(open, { field: 'civilAffairs', sectionType: 'CivilAffairsSection' })['window-clerk']).not.toHaveProperty('reviewsLinks');
    expect(issueViewsOf({ ...open, Resident: { labour: FRONT } }, { field: 'labour', sectionType: 'CivilAffairsSection' })['own-officer']).not.toHaveProperty(
      'reviewsLinks',
    );
  });

  it('shows a record waiting for review, with its grade and reason, only to those who review it; others see an invalid ID', () => {
    const waiting = issue({ kind: 'UNRESOLVED_RECORD', grade: 'PROBABLE', reason: 'the record states another sex' });
    const whole = { storedId: 'allow', recordReference: 'allow', nameOnRecord: 'allow', grade: 'allow', reason: 'allow' } as const;
    expect(showIssue(waiting, { ...whole, reviewsLinks: true })).toEqual({ ...waiting, withheld: [] });
    expect(showIssue(waiting, whole)).toEqual({ ...issue({ kind: 'INVALID_CITIZEN_ID' }), withheld: [] });
    expect(asSeenBy(waiting, false)).toEqual(issue({ kind: 'INVALID_CITIZEN_ID' }));
    const linked = issue({ kind: 'LINKED_RECORD', grade: 'CERTAIN', reason: 'the only resident' });
    expect(asSeenBy(linked, false)).toBe(linked);
  });

  it('shows an issue as the view says: masked, withheld and named, or whole', () => {
    expect(showIssue(issue(), { storedId: 'mask', recordReference: 'deny', nameOnRecord: 'deny', grade: 'allow', reason: 'allow' })).toEqual({
      ...issue(),
      storedId: '310115********035X',
      recordReference: '',
      nameOnRecord: null,
      withheld: ['recordReference', 'nameOnRecord'],
    });
    expect(showIssue(issue(), { storedId: 'allow', recordReference: 'allow', nameOnRecord: 'allow', grade: 'allow', reason: 'allow' })).toEqual({
      ...issue(),
      withheld: [],
    });
    const linked = issue({ kind: 'LINKED_RECORD', grade: 'PROBABLE', reason: 'one digit differs' });
    expect(showIssue(linked, { storedId: 'allow', recordReference: 'allow', nameOnRecord: 'allow', grade: 'allow', reason: 'deny' })).toEqual({
      ...issue({ kind: 'LINKED_RECORD', grade: 'PROBABLE' }),
      withheld: ['reason'],
    });
    expect(showIssue(issue(), { storedId: 'allow', recordReference: 'allow', nameOnRecord: 'allow', grade: 'deny', reason: 'deny' }).withheld).toEqual([]);
    expect(showIssue(linked, { storedId: 'allow', recordReference: 'allow', nameOnRecord: 'allow', grade: 'deny', reason: 'deny' })).toEqual({
      ...issue({ kind: 'LINKED_RECORD' }),
      withheld: ['grade', 'reason'],
    });
    // A name the record does not have is not withheld: there is nothing to withhold.
    expect(
      showIssue(issue({ nameOnRecord: null }), { storedId: 'allow', recordReference: 'allow', nameOnRecord: 'deny', grade: 'allow', reason: 'allow' }),
    ).toEqual({
      ...issue({ nameOnRecord: null }),
      withheld: [],
    });
    expect(showIssue(issue(), { storedId: 'deny', recordReference: 'mask', nameOnRecord: 'allow', grade: 'allow', reason: 'allow' })).toEqual({
      ...issue(),
      storedId: '',
      recordReference: '********0042',
      withheld: ['storedId'],
    });
  });
});

describe('the data-quality index, on PostgreSQL', () => {
  const schema = `dq_${randomBytes(4).toString('hex')}`;
  let index: DataQualityIndex;
  const views = { 'grid-worker': { storedId: 'mask', recordReference: 'deny', nameOnRecord: 'allow', grade: 'allow', reason: 'allow' } } as const;

  beforeAll(async () => {
    await prepareDataQualityIndex({ databaseUrl: DATABASE_URL, schema });
    await prepareDataQualityIndex({ databaseUrl: DATABASE_URL, schema });
    index = createDataQualityIndex({ databaseUrl: DATABASE_URL, schema });
  });
  afterAll(async () => {
    await index.close();
    const pool = new Pool({ connectionString: DATABASE_URL });
    await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
    await pool.end();
  });

  it("answers each resident's issues in department and publication order, with the department's views, and replaces a department's whole", async () => {
    const labourIssue = issue({ department: 'labour', kind: 'LEGACY_15_DIGIT_ID', storedId: '310115620518035', nameOnRecord: null });
    await index.publish({ department: 'labour', views, issues: new Map([['A', [labourIssue]]]) });
    await index.publish({
      department: 'civil-affairs',
      views: {},
      issues: new Map([
        ['A', [issue(), issue({ recordReference: 'MZ-2', kind: 'LEGACY_15_DIGIT_ID' })]],
        ['B', [issue()]],
      ]),
    });
    const found = await index.issuesOf(['A', 'B', 'C']);
    expect([...found.keys()].sort()).toEqual(['A', 'B']);
    expect(found.get('A')).toEqual([
      { issue: issue(), views: {} },
      { issue: issue({ recordReference: 'MZ-2', kind: 'LEGACY_15_DIGIT_ID' }), views: {} },
      { issue: labourIssue, views },
    ]);

    await index.publish({ department: 'civil-affairs', views, issues: new Map([['B', [issue({ recordReference: 'MZ-3' })]]]) });
    const again = await index.issuesOf(['A', 'B']);
    expect(again.get('A')).toEqual([{ issue: labourIssue, views }]);
    expect(again.get('B')).toEqual([{ issue: issue({ recordReference: 'MZ-3' }), views }]);
    expect([...(await index.publishers()).keys()].sort()).toEqual(['civil-affairs', 'labour']);
    expect(await index.issuesOf([])).toEqual(new Map());
    // Each publication leaves the planner the issues' count (analysed; never analysed it is -1).
    const pool = new Pool({ connectionString: DATABASE_URL, max: 1 });
    const { rows } = await pool.query<{ reltuples: number }>(
      "SELECT c.reltuples FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = 'issue'",
      [schema],
    );
    await pool.end();
    expect(rows).toEqual([{ reltuples: 2 }]);
  });

  it('writes a publication a chunk of issues per statement, every issue in its order across the chunks', async () => {
    const chunked = createDataQualityIndex({ databaseUrl: DATABASE_URL, schema, publishChunk: 2 });
    const pool = new Pool({ connectionString: DATABASE_URL, max: 1 });
    try {
      const issues = new Map([
        [
          'C1',
          [
            issue({ department: 'grid', recordReference: 'R1' }),
            issue({ department: 'grid', recordReference: 'R2' }),
            issue({ department: 'grid', recordReference: 'R3' }),
          ],
        ],
        ['C2', [issue({ department: 'grid', recordReference: 'R4' })]],
        ['C3', [issue({ department: 'grid', recordReference: 'R5' })]],
      ]);
      // Counts the INSERT statements that reach the issue table, however many rows each writes.
      await pool.query(`CREATE TABLE "${schema}".issue_inserts (rows int NOT NULL)`);
      await pool.query(`CREATE FUNCTION "${schema}".count_issue_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO "${schema}".issue_inserts SELECT count(*) FROM inserted; RETURN NULL; END $$`);
      await pool.query(`CREATE TRIGGER count_issue_insert AFTER INSERT ON "${schema}".issue REFERENCING NEW TABLE AS inserted
        FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".count_issue_insert()`);
      await chunked.publish({ department: 'grid', views, issues });
      const found = await chunked.issuesOf(['C1', 'C2', 'C3']);
      expect(new Map([...found].map(([id, list]) => [id, list.map((entry) => entry.issue)]))).toEqual(issues);
      const { rows } = await pool.query<{ rows: number }>(`SELECT rows FROM "${schema}".issue_inserts`);
      expect(rows.map((row) => row.rows)).toEqual([2, 2, 1]);
    } finally {
      await pool.query(`DROP TRIGGER IF EXISTS count_issue_insert ON "${schema}".issue`);
      await pool.end();
      await chunked.close();
    }
  });

  it('only renews the date of a publication equal to the last; a change of issue or of views rewrites it', async () => {
    const pool = new Pool({ connectionString: DATABASE_URL, max: 1 });
    const state = async () => {
      const { rows } = await pool.query<{ versions: string; published_at: Date }>(
        `SELECT string_agg(i.xmin::text, ',' ORDER BY i.ordinal) AS versions, p.published_at FROM "${schema}".publication p
         JOIN "${schema}".issue i USING (department) WHERE p.department = 'public-security' GROUP BY p.published_at`,
      );
      return rows[0]!;
    };
    try {
      const issues = new Map([['D', [issue({ recordReference: 'PS-1' }), issue({ recordReference: 'PS-2' })]]]);
      await index.publish({ department: 'public-security', views, issues });
      const first = await state();
      await index.publish({
        department: 'public-security',
        views,
        issues: new Map([['D', [issue({ recordReference: 'PS-1' }), issue({ recordReference: 'PS-2' })]]]),
      });
      const same = await state();
      expect(same.versions).toBe(first.versions);
      expect(same.published_at.getTime()).toBeGreaterThan(first.published_at.getTime());

      await index.publish({ department: 'public-security', views: {}, issues });
      expect((await state()).versions).not.toBe(first.versions);
      expect((await index.issuesOf(['D'])).get('D')?.[0]?.views).toEqual({});
      await index.publish({ department: 'public-security', views: {}, issues: new Map([['D', [issue({ recordReference: 'PS-3' })]]]) });
      expect((await index.issuesOf(['D'])).get('D')?.map((entry) => entry.issue.recordReference)).toEqual(['PS-3']);
    } finally {
      await pool.end();
    }
  });

  it('fails a read it cannot make with DATA_QUALITY_UNAVAILABLE, and refuses a schema that is not a plain identifier', async () => {
    const unreachable = createDataQualityIndex({ databaseUrl: 'postgresql://postgres@127.0.0.1:1/none', timeoutMs: 500 });
    await expect(unreachable.issuesOf(['A'])).rejects.toMatchObject({ extensions: { code: 'DATA_QUALITY_UNAVAILABLE' } });
    await unreachable.close();
    expect(() => createDataQualityIndex({ databaseUrl: DATABASE_URL, schema: 'x"; DROP TABLE y; --' })).toThrow(/plain identifier/);
  });

  it('publishes a source now, retries after a failure, and again after its interval', async () => {
    let reads = 0;
    const source: DataQualitySource = {
      async issuesByResident() {
        reads += 1;
        if (reads === 1) throw new Error('the department is down');
        return new Map([['P', [issue({ recordReference: `read-${reads}` })]]]);
      },
    };
    const publisher = publishDataQuality({ department: 'family-planning', source, index, views, intervalMs: 50, retryMs: 20 });
    try {
      await publisher.published;
      expect(reads).toBe(2);
      expect((await index.issuesOf(['P'])).get('P')?.[0]?.issue.recordReference).toBe('read-2');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const republished = (await index.issuesOf(['P'])).get('P')?.[0]?.issue.recordReference;
      expect(Number(republished?.replace('read-', ''))).toBeGreaterThan(2);
    } finally {
      publisher.stop();
    }
  });
});
