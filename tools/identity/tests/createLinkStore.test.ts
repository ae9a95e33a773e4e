import { Pool } from 'pg';
import { citizenId } from '@resident-graph/test-kit';
import { IdentityMatcher, LinkDecisionError, runLinkBatch, type RegisteredResident } from '../src';
import { TEST_DATABASE_URL, useTestLinkStore } from './fixtures/testLinkStore';

const registered = (id: string, name: string): RegisteredResident => ({
  id,
  name,
  gender: Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
  birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
  householdId: null,
  address: null,
});
/** A region digit mistyped: the check character no longer fits. */
const mistyped = (id: string) => `${id.slice(0, 3)}${(Number(id[3]) + 5) % 10}${id.slice(4)}`;

const zhang = registered(citizenId('19851019', 551), '张伟');
const liu = registered(citizenId('19600301', 122), '刘秀兰');
const wang = registered(citizenId('19900517', 233), '王芳');
const matcher = new IdentityMatcher([zhang, liu, wang]);
const record = (storedId: string, nameOnRecord: string, reference: string) => ({
  department: 'civil-affairs' as const,
  recordReference: reference,
  storedId,
  nameOnRecord,
});
/** Certain (typo, same name), probable (typo, surname only) and resolved-as-stored records. */
const records = [record(mistyped(zhang.id), '张伟', 'DB1'), record(mistyped(liu.id), '刘兰', 'DB2'), record(wang.id, '王芳', 'DB3')];
const officer = { department: 'civil-affairs' as const, decidedBy: 'officer-ca-1' };

const linkStore = useTestLinkStore();
const { schema } = linkStore;

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (error: unknown) => (error instanceof LinkDecisionError ? error.code : String(error)),
  );

describe('the link table', () => {
  it('links the CERTAIN record in a batch run, queues the PROBABLE one, and reports progress', async () => {
    const reports: number[] = [];
    const progress = await runLinkBatch({
      department: 'civil-affairs',
      records,
      matcher,
      store: linkStore.store(),
      onProgress: (report) => reports.push(report.read),
    });
    expect(progress).toMatchObject({ read: 3, resolvedAsStored: 1, matched: 2, noCandidate: 0, candidatesAdded: 2, linked: 1 });
    expect(reports.at(-1)).toBe(3);
    // Both residents in one read: each part holds only its own kind.
    expect(await linkStore.store().residentLinksOf('civil-affairs', [zhang.id, liu.id, wang.id])).toMatchObject({
      linked: [{ storedId: mistyped(zhang.id), residentId: zhang.id, grade: 'CERTAIN', state: 'LINKED', decidedBy: 'identity-batch' }],
      open: [{ storedId: mistyped(liu.id), residentId: liu.id, grade: 'PROBABLE', state: 'PENDING', recordReference: 'DB2' }],
      nameVariants: [],
    });
    expect(await linkStore.store().residentLinksOf('labour', [zhang.id, liu.id])).toEqual({ linked: [], open: [], nameVariants: [] });
  });

  it('adds nothing and links nothing more when the batch runs again', async () => {
    expect(await runLinkBatch({ department: 'civil-affairs', records, matcher, store: linkStore.store() })).toMatchObject({ candidatesAdded: 0, linked: 0 });
  });

  it('confirms a probable link once: again is a conflict, another resident is not a candidate', async () => {
    const input = { ...officer, storedId: mistyped(liu.id), residentId: liu.id };
    expect(await linkStore.store().confirm(input)).toMatchObject({ state: 'LINKED', decidedBy: 'officer-ca-1', decidedAt: expect.any(Date) });
    expect(await codeOf(linkStore.store().confirm(input))).toBe('LINK_CONFLICT');
    expect(await codeOf(linkStore.store().confirm({ ...input, residentId: zhang.id }))).toBe('NOT_A_CANDIDATE');
    expect((await linkStore.store().residentLinksOf('civil-affairs', [liu.id])).open).toEqual([]);
  });

  it('undoes a link and records every decision in order', async () => {
    const input = { ...officer, storedId: mistyped(liu.id), residentId: liu.id };
    expect(await linkStore.store().undo(input)).toMatchObject({ state: 'PENDING', decidedBy: null, decidedAt: null });
    expect(await codeOf(linkStore.store().undo(input))).toBe('LINK_CONFLICT');
    expect(await linkStore.store().reject(input)).toMatchObject({ state: 'REJECTED' });
    expect(await codeOf(linkStore.store().confirm(input))).toBe('LINK_CONFLICT');
    expect((await linkStore.store().decisionsOf('civil-affairs', input.storedId)).map((decision) => [decision.action, decision.decidedBy])).toEqual([
      ['CONFIRM', 'officer-ca-1'],
      ['UNDO', 'officer-ca-1'],
      ['REJECT', 'officer-ca-1'],
    ]);
  });

  it('does not re-link an automatic link an officer undid', async () => {
    await linkStore.store().undo({ ...officer, storedId: mistyped(zhang.id), residentId: zhang.id });
    expect(await runLinkBatch({ department: 'civil-affairs', records, matcher, store: linkStore.store() })).toMatchObject({ linked: 0 });
    expect((await linkStore.store().residentLinksOf('civil-affairs', [zhang.id])).linked).toEqual([]);
  });

  it('lets one of two concurrent confirmations win; the other is a conflict and one link stands', async () => {
    const input = { ...officer, storedId: mistyped(zhang.id), residentId: zhang.id };
    const outcomes = await Promise.all([codeOf(linkStore.store().confirm(input)), codeOf(linkStore.store().confirm({ ...input, decidedBy: 'officer-ca-2' }))]);
    expect(outcomes.sort()).toEqual(['LINK_CONFLICT', 'no error']);
    expect((await linkStore.store().residentLinksOf('civil-affairs', [zhang.id])).linked).toHaveLength(1);
  });

  it('refuses to rewrite the decision history', async () => {
    const pool = new Pool({ connectionString: TEST_DATABASE_URL });
    try {
      await expect(pool.query(`DELETE FROM "${schema}".record_link_decision`)).rejects.toThrow(/append-only/);
    } finally {
      await pool.end();
    }
  });
});
