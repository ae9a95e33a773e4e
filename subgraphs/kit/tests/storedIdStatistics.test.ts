import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { createLinkStore, IdentityMatcher, prepareLinkStore, runLinkBatch, type LinkStore } from '@resident-graph/identity';
import { citizenId } from '@resident-graph/test-kit';
import { createPseudonymizer, storedIdStatistics, toKeySet } from '../src';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const schema = `identity_test_${randomBytes(6).toString('hex')}`;
const keys = createPseudonymizer(randomBytes(32));

const linkedResident = citizenId('19700101', 111);
const plainResident = citizenId('19800202', 222);
/** A region digit mistyped: the check no longer fits; the batch links it to its resident. */
const typo = `${linkedResident.slice(0, 2)}${(Number(linkedResident[2]) + 3) % 10}${linkedResident.slice(3)}`;
/** A stored ID no single error explains: unresolved whatever the link table holds. */
const garbage = '3101%00';
/** Department key sets answer every analyst alike; the caller matters to the grid's placement only. */
const ANALYST = { subject: 'an-1', role: 'analyst' as const, department: null, grids: [], community: 'C1' };
const QUERY = { asOf: '2026-06-30', facts: [{ disabled: true }], partitions: [], placement: false };

let store: LinkStore;
beforeAll(async () => {
  await prepareLinkStore({ databaseUrl: DATABASE_URL, schema });
  store = createLinkStore({ databaseUrl: DATABASE_URL, schema });
  const register = [linkedResident, plainResident].map((id) => ({
    id,
    name: '张伟',
    gender: 'MALE' as const,
    birthDate: '1970-01-01',
    householdId: null,
    address: null,
  }));
  const records = [typo, plainResident].map((storedId) => ({
    department: 'civil-affairs' as const,
    recordReference: storedId,
    storedId,
    nameOnRecord: '张伟',
  }));
  await runLinkBatch({ department: 'civil-affairs', records, matcher: new IdentityMatcher(register), store });
});
afterAll(async () => {
  await store.close();
  const pool = new Pool({ connectionString: DATABASE_URL, max: 1 });
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

const source = (links?: LinkStore) =>
  storedIdStatistics({
    department: 'civil-affairs',
    pseudonymizer: keys,
    links: links && { department: 'civil-affairs', store: links },
    unresolvedMaxAgeMs: 0,
    holdersOf: async () => [typo, plainResident, garbage],
    storedIds: async () => [typo, plainResident, garbage],
  });

describe('storedIdStatistics with identity resolution’s links', () => {
  it('counts a record stored under a linked typo ID as its resident’s, and no longer as unresolved', async () => {
    const answer = await source(store).keySets(QUERY, ANALYST);
    expect(answer.facts).toEqual([toKeySet([keys.keyOf(linkedResident), keys.keyOf(plainResident)])]);
    expect(answer.unresolvedRecords).toBe(1);
  });

  it('without the link table leaves the typo record out of every key set and counts it unresolved', async () => {
    const answer = await source().keySets(QUERY, ANALYST);
    expect(answer.facts).toEqual([toKeySet([keys.keyOf(plainResident)])]);
    expect(answer.unresolvedRecords).toBe(2);
  });
});
