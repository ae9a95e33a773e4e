import type { Access, Audience } from '@resident-graph/subgraph-kit';
import { auditPolicy } from '@resident-graph/subgraph-audit';
import { policyTables, type SubgraphTable } from '../src/policyDocs';

// The rules of the design's "Who uses it" table, written here by hand and checked
// against every subgraph's table: the per-subgraph tests check that a subgraph enforces its
// table, these that no table says what the design forbids.

/** The people: every field of theirs but the key and the place is personal data. */
const PEOPLE = ['Resident', 'Household'];
const NOT_PERSONAL = new Set(['id', 'jurisdiction']);
const FRONT_LINE: Audience[] = ['grid-worker', 'window-clerk', 'own-officer', 'other-officer'];
const NEVER_A_PERSON: Audience[] = ['analyst', 'auditor'];

interface Row {
  subgraph: string;
  field: string;
  audience: Audience;
  access: Access;
}

/** Every listed (field, audience) of the given types; unlisted fields are denied anyway. */
let tables: SubgraphTable[];
beforeAll(async () => {
  tables = await policyTables();
});

function rows(types: string[], fieldFilter: (field: string) => boolean, audiences: Audience[]): Row[] {
  return tables.flatMap(({ subgraph, table }) =>
    types.flatMap((type) =>
      Object.entries(table[type] ?? {})
        .filter(([field]) => fieldFilter(field))
        .flatMap(([field, byAudience]) => audiences.map((audience) => ({ subgraph, field: `${type}.${field}`, audience, access: byAudience[audience] }))),
    ),
  );
}

const breaking = (found: Row[], allowed: Access[]) =>
  found.filter((row) => !allowed.includes(row.access)).map((row) => `${row.subgraph} ${row.field} ${row.audience}: ${row.access}`);

describe('the design rules hold in every policy table', () => {
  it('covers the people in the subgraphs that describe them', () => {
    expect(rows(PEOPLE, (field) => !NOT_PERSONAL.has(field), ['own-officer']).length).toBeGreaterThan(20);
  });

  it('analysts and auditors never see a person: no field of a resident or household, no roster', () => {
    const people = rows(PEOPLE, (field) => !NOT_PERSONAL.has(field), NEVER_A_PERSON);
    const rosters = rows(['Grid'], (field) => field === 'residents', NEVER_A_PERSON);
    const lookups = rows(['Query'], (field) => field === 'resident' || field === 'household', NEVER_A_PERSON);
    expect(breaking([...people, ...rosters, ...lookups], ['deny'])).toEqual([]);
  });

  it('front-line staff and officers see a person only inside their jurisdiction, never unconditionally', () => {
    const people = rows(PEOPLE, (field) => !NOT_PERSONAL.has(field), FRONT_LINE);
    const rosters = rows(['Grid'], (field) => field === 'residents', FRONT_LINE);
    expect(breaking([...people, ...rosters], ['jurisdiction', 'mask', 'deny'])).toEqual([]);
  });

  it('the access log is for auditors alone', () => {
    const accessLog = rows(['Query'], (field) => field === 'accessLog', [...FRONT_LINE, 'analyst']);
    expect(accessLog.length).toBeGreaterThan(0);
    expect(breaking(accessLog, ['deny'])).toEqual([]);
    expect(auditPolicy.table.Query?.accessLog?.auditor).toBe('allow');
  });
});
