import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkSchemaChanges, REPO_ROOT, type ChangelogEntry } from '../src';

// The released labour SDL as the starting point, a changed copy as "today's", and a
// changelog in a temporary folder: the check reads the same files `npm run schema:check` does.
const released = readFileSync(path.join(REPO_ROOT, 'schemas/released/labour.graphql'), 'utf8');
const TODAY = '2027-03-01';
let root: string;
let dirs: { releasedDir: string; changelogDir: string };

function change(from: string, to: string): string {
  expect(released).toContain(from);
  return released.replace(from, to);
}

function announce(...entries: ChangelogEntry[]): void {
  writeFileSync(path.join(dirs.changelogDir, 'labour.json'), JSON.stringify({ entries }));
}

const check = (sdl: string) => checkSchemaChanges({ current: new Map([['labour', sdl]]), ...dirs, today: TODAY });

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'schema-check-'));
  dirs = { releasedDir: path.join(root, 'released'), changelogDir: path.join(root, 'changelog') };
  for (const dir of Object.values(dirs)) mkdirSync(dir);
  writeFileSync(path.join(dirs.releasedDir, 'labour.graphql'), released);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('a breaking change', () => {
  const withoutLaidOff = () => change('  """Laid-off worker (下岗职工): front-line flag"""\n  laidOff: Boolean!\n', '');

  it('fails while unannounced, and passes once the changelog announces it with a finished deprecation period', async () => {
    const sdl = withoutLaidOff();
    expect((await check(sdl)).refused).toEqual([
      expect.objectContaining({ subgraph: 'labour', change: 'FIELD_REMOVED', path: 'LabourSection.laidOff', why: 'not announced in the changelog' }),
    ]);

    announce({
      path: 'LabourSection.laidOff',
      change: 'FIELD_REMOVED',
      reason: 'the bureau stopped recording 下岗 in 2026',
      deprecatedSince: '2026-11-01',
      removableAfter: '2027-02-01',
    });
    const result = await check(sdl);
    expect(result.refused).toEqual([]);
    expect(result.announced).toEqual([expect.objectContaining({ path: 'LabourSection.laidOff', change: 'FIELD_REMOVED' })]);
  });

  it('still fails when the announced period is too short or not over yet', async () => {
    const sdl = withoutLaidOff();
    announce({ path: 'LabourSection.laidOff', reason: 'r', deprecatedSince: '2027-01-20', removableAfter: '2027-02-01' });
    expect((await check(sdl)).refused).toEqual([expect.objectContaining({ why: expect.stringContaining('shorter than 30 days') })]);
    announce({ path: 'LabourSection.laidOff', reason: 'r', deprecatedSince: '2027-01-20', removableAfter: '2027-03-01' });
    expect((await check(sdl)).refused).toEqual([expect.objectContaining({ why: 'announced, but removable only after 2027-03-01' })]);
  });

  it('is told apart by kind: an announced removal does not cover another change at the same place', async () => {
    announce({ path: 'LabourSection.onRecord', change: 'FIELD_REMOVED', reason: 'r', deprecatedSince: '2026-01-01', removableAfter: '2026-06-01' });
    expect((await check(change('onRecord: Boolean!', 'onRecord: Boolean'))).refused).toEqual([
      expect.objectContaining({ change: 'FIELD_TYPE_CHANGED', path: 'LabourSection.onRecord' }),
    ]);
  });

  it('includes what graphql-inspector only calls dangerous but federation cannot survive: a removed @key', async () => {
    expect((await check(change('type Resident @key(fields: "id")', 'type Resident'))).refused).toEqual([
      expect.objectContaining({ path: 'Resident.@key', why: 'not announced in the changelog' }),
    ]);
  });

  it('includes nullability tightened on input: an argument made required', async () => {
    const audit = readFileSync(path.join(REPO_ROOT, 'schemas/released/audit.graphql'), 'utf8');
    writeFileSync(path.join(dirs.releasedDir, 'audit.graphql'), audit);
    expect(audit).toContain('accessLog(after: String,');
    const current = new Map([
      ['labour', released],
      ['audit', audit.replace('accessLog(after: String,', 'accessLog(after: String!,')],
    ]);
    expect((await checkSchemaChanges({ current, ...dirs, today: TODAY })).refused).toEqual([
      expect.objectContaining({ subgraph: 'audit', change: 'FIELD_ARGUMENT_TYPE_CHANGED', path: 'Query.accessLog.after' }),
    ]);
  });

  it('includes a subgraph that is no longer composed', async () => {
    const result = await checkSchemaChanges({ current: new Map(), ...dirs, today: TODAY });
    expect(result.refused).toEqual([expect.objectContaining({ change: 'SUBGRAPH_REMOVED', path: 'labour' })]);
  });
});

describe('a non-breaking change', () => {
  it('passes unannounced: a new field, and an output field made non-null', async () => {
    const sdl = change('  onRecord: Boolean!\n', '  onRecord: Boolean!\n  pensionInsured: Boolean\n').replace(
      'socialSecurityCardNumber: String\n',
      'socialSecurityCardNumber: String!\n',
    );
    expect(sdl).toContain('socialSecurityCardNumber: String!');
    const result = await check(sdl);
    expect(result).toEqual({ refused: [], announced: [], dangerous: [] });
  });

  it('passes unannounced: an @external field and an @inaccessible type removed, which no client could use', async () => {
    const sdl = change('  jurisdiction: Jurisdiction @external\n', '').replace(/("""[^"]*"""\n)?type Jurisdiction @inaccessible @shareable \{[^}]*\}\n/, '');
    expect(sdl).not.toContain('Jurisdiction');
    expect((await check(sdl)).refused).toEqual([]);
  });

  it("passes unannounced: another subgraph's type, declared here only with @external fields, removed", async () => {
    const stub = (fields: string) => `${released}\ntype CivilAffairsSection {\n${fields}}\n`;
    writeFileSync(path.join(dirs.releasedDir, 'labour.graphql'), stub('  dataQualityIssues: [DataQualityIssue!]! @external\n'));
    expect((await check(released)).refused).toEqual([]);
    writeFileSync(path.join(dirs.releasedDir, 'labour.graphql'), stub('  dataQualityIssues: [DataQualityIssue!]! @external\n  onRecord: Boolean!\n'));
    expect((await check(released)).refused.map((refusal) => refusal.path)).toEqual(['CivilAffairsSection']);
  });

  it('still fails when a field served to clients goes with them', async () => {
    const sdl = change('  jurisdiction: Jurisdiction @external\n', '').replace(
      '  """Laid-off worker (下岗职工): front-line flag"""\n  laidOff: Boolean!\n',
      '',
    );
    expect((await check(sdl)).refused.map((refusal) => refusal.path)).toEqual(['LabourSection.laidOff']);
  });

  it('passes for a subgraph with no release yet', async () => {
    const result = await checkSchemaChanges({
      current: new Map([
        ['labour', released],
        ['justice', 'type Query { x: Int }'],
      ]),
      ...dirs,
      today: TODAY,
    });
    expect(result.refused).toEqual([]);
  });
});
