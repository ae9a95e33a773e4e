import { maskCitizenId, type TruthResident } from '@resident-graph/schemas';
import type { Caller } from '@resident-graph/trust';
import { graphql, OFFICER, readTruth, requestHeaders, startTestStack, type TestStack } from '../support';

const SECTION = `query($id: CitizenId!) { resident(id: $id) { civilAffairs { onRecord dataQualityIssues { kind storedId grade reason } } } }`;
const DECIDE = (verb: 'confirm' | 'reject' | 'undo') =>
  `mutation($input: RecordLinkInput!) { ${verb}CivilAffairsLink(input: $input) { residentId grade state decidedBy decidedAt } }`;
const ACCESS_LOG = `query($id: CitizenId!) { accessLog(residentId: $id, first: 50) { nodes { subject subgraph fields } } }`;

interface Issue {
  kind: string;
  storedId: string;
  grade: string | null;
  reason: string | null;
}
type Section = { resident: { civilAffairs: { onRecord: boolean; dataQualityIssues: Issue[] } | null } | null };

const typoOf = (resident: TruthResident) =>
  resident.imperfections.find((i) => i.department === 'civil-affairs' && i.kind === 'ID_TYPO') as { storedId: string } | undefined;
/** A typo in the sex digit makes the record state another sex: the matcher queues it as PROBABLE instead of linking it. */
const typoChangesSex = (resident: TruthResident) => Number(typoOf(resident)!.storedId[16]) % 2 !== Number(resident.id[16]) % 2;
const holdsRows = (resident: TruthResident) => {
  const facts = resident.civilAffairs!;
  return facts.allowanceCases.length + facts.marriages.length + [facts.disability, facts.elderlyAllowance, facts.veteranBenefit].filter(Boolean).length > 0;
};

describe('identity resolution through the gateway: civil-affairs records stored under a mistyped ID', () => {
  let stack: TestStack;
  let certain: TruthResident;
  let probable: TruthResident[];
  let everyone: TruthResident[];

  const officerFor = (resident: TruthResident): Caller => ({ ...OFFICER('civil-affairs', { community: resident.grid.communityId }), subject: 'officer-ca-7' });
  const sectionAs = async (caller: Caller, resident: TruthResident) => {
    const answer = await graphql<Section>(stack.gatewayUrl, SECTION, { id: resident.id }, await requestHeaders(stack, caller, 'CASE_REVIEW:IR-1'));
    expect(answer.errors).toBeUndefined();
    return answer.data!.resident!.civilAffairs!;
  };
  const decide = async (verb: 'confirm' | 'reject' | 'undo', caller: Caller, resident: TruthResident, residentId = resident.id) =>
    graphql<Record<string, { state: string; grade: string; decidedBy: string }>>(
      stack.gatewayUrl,
      DECIDE(verb),
      { input: { storedId: typoOf(resident)!.storedId, residentId } },
      await requestHeaders(stack, caller, 'CASE_REVIEW:IR-1'),
    );

  beforeAll(async () => {
    stack = await startTestStack({}, { linkRecords: true });
    everyone = readTruth(stack.dataDir);
    const typoed = everyone.filter((resident) => typoOf(resident) && holdsRows(resident));
    certain = typoed.find((resident) => !typoChangesSex(resident))!;
    probable = typoed.filter(typoChangesSex);
    expect(probable.length).toBeGreaterThanOrEqual(3);
  });
  afterAll(async () => {
    await stack?.stopAll();
  });

  it('shows a grid worker the section stored under a typo ID, with the link’s grade and the stored ID masked', async () => {
    const worker: Caller = { subject: 'grid-worker-3', role: 'grid-worker', department: null, grids: [certain.gridId], community: null };
    const section = await sectionAs(worker, certain);
    expect(section.onRecord).toBe(true);
    expect(section.dataQualityIssues).toEqual([
      expect.objectContaining({ kind: 'LINKED_RECORD', grade: 'CERTAIN', storedId: maskCitizenId(typoOf(certain)!.storedId) }),
    ]);
  });

  it('lets a civil-affairs officer confirm a probable link: the section appears on the next read', async () => {
    const [resident] = probable as [TruthResident];
    const officer = officerFor(resident);
    const before = await sectionAs(officer, resident);
    expect(before.onRecord).toBe(false);
    expect(before.dataQualityIssues).toEqual([expect.objectContaining({ kind: 'UNRESOLVED_RECORD', grade: 'PROBABLE', storedId: typoOf(resident)!.storedId })]);

    const confirmed = await decide('confirm', officer, resident);
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmCivilAffairsLink).toMatchObject({ state: 'LINKED', grade: 'PROBABLE', decidedBy: 'officer-ca-7' });

    const after = await sectionAs(officer, resident);
    expect(after.onRecord).toBe(true);
    expect(after.dataQualityIssues).toEqual([expect.objectContaining({ kind: 'LINKED_RECORD', grade: 'PROBABLE' })]);

    const again = await decide('confirm', officer, resident);
    expect(again.errors?.[0]?.extensions?.code).toBe('LINK_CONFLICT');
  });

  it('leaves a rejected record unlinked', async () => {
    const resident = probable[1]!;
    const rejected = await decide('reject', officerFor(resident), resident);
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data!.rejectCivilAffairsLink).toMatchObject({ state: 'REJECTED' });
    const after = await sectionAs(officerFor(resident), resident);
    expect(after.onRecord).toBe(false);
    expect(after.dataQualityIssues.map((issue) => issue.kind)).not.toContain('LINKED_RECORD');
  });

  it('puts both decisions in the audit trail, under the officer who made them', async () => {
    const auditor: Caller = { subject: 'supervisor-1', role: 'auditor', department: null, grids: [], community: null };
    for (const [resident, field] of [
      [probable[0]!, 'Mutation.confirmCivilAffairsLink'],
      [probable[1]!, 'Mutation.rejectCivilAffairsLink'],
    ] as const) {
      const log = await graphql<{ accessLog: { nodes: { subject: string; subgraph: string; fields: string[] }[] } }>(
        stack.gatewayUrl,
        ACCESS_LOG,
        { id: resident.id },
        await requestHeaders(stack, auditor, 'SUPERVISION'),
      );
      expect(log.errors).toBeUndefined();
      expect(log.data!.accessLog.nodes).toContainEqual({ subject: 'officer-ca-7', subgraph: 'civil-affairs', fields: [field] });
    }
  });

  it('refuses with a code: another department, outside the jurisdiction, a non-candidate', async () => {
    const resident = probable[2]!;
    const labourOfficer = OFFICER('labour', { community: resident.grid.communityId });
    expect((await decide('confirm', labourOfficer, resident)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const elsewhere = OFFICER('civil-affairs', { community: resident.grid.communityId === 'C01' ? 'C02' : 'C01' });
    expect((await decide('confirm', elsewhere, resident)).errors?.[0]?.extensions?.code).toBe('OUT_OF_JURISDICTION');
    const neighbour = everyone.find((other) => other.id !== resident.id && other.grid.communityId === resident.grid.communityId)!;
    expect((await decide('confirm', officerFor(resident), resident, neighbour.id)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await sectionAs(officerFor(resident), resident)).onRecord).toBe(false);
  });

  it('says NAME_VARIANT on the family-planning section of every resident whose record there is keyed in traditional characters, and on no other', async () => {
    const FAMILY_ISSUES = `query($id: CitizenId!) { resident(id: $id) { familyPlanning { dataQualityIssues { kind nameOnRecord } } } }`;
    const variantOf = (resident: TruthResident) =>
      resident.imperfections.find((i) => i.department === 'family-planning' && i.kind === 'NAME_VARIANT') as { storedName: string } | undefined;
    const planned = everyone.filter((resident) => resident.familyPlanning);
    const sample = [...planned.filter(variantOf).slice(0, 5), ...planned.filter((resident) => !variantOf(resident)).slice(0, 5)];
    for (const resident of sample) {
      const worker: Caller = { subject: 'grid-worker-3', role: 'grid-worker', department: null, grids: [resident.gridId], community: null };
      const answer = await graphql<{ resident: { familyPlanning: { dataQualityIssues: { kind: string; nameOnRecord: string }[] } } }>(
        stack.gatewayUrl,
        FAMILY_ISSUES,
        { id: resident.id },
        await requestHeaders(stack, worker, 'HOME_VISIT'),
      );
      expect(answer.errors).toBeUndefined();
      const variants = answer.data!.resident.familyPlanning.dataQualityIssues.filter((issue) => issue.kind === 'NAME_VARIANT');
      expect(variants.map((issue) => issue.nameOnRecord)).toEqual(variantOf(resident) ? [variantOf(resident)!.storedName] : []);
    }
  });

  it('links labour’s cards too: a certain one read by a grid worker, a probable one confirmed by a labour officer; a grid worker sees that one as an invalid ID until then', async () => {
    const LABOUR = `query($id: CitizenId!) { resident(id: $id) { labour { onRecord employmentStatus dataQualityIssues { kind grade } } } }`;
    const labourTypo = (resident: TruthResident) =>
      resident.imperfections.find((i) => i.department === 'labour' && i.kind === 'ID_TYPO') as { storedId: string } | undefined;
    const changesSex = (resident: TruthResident) => Number(labourTypo(resident)!.storedId[16]) % 2 !== Number(resident.id[16]) % 2;
    const carded = everyone.filter((resident) => resident.labour && labourTypo(resident));
    const certainCard = carded.find((resident) => !changesSex(resident))!;
    const probableCard = carded.find(changesSex)!;
    type Labour = { resident: { labour: { onRecord: boolean; employmentStatus: string; dataQualityIssues: { kind: string; grade: string | null }[] } } };
    const labourAs = async (caller: Caller, resident: TruthResident) => {
      const answer = await graphql<Labour>(stack.gatewayUrl, LABOUR, { id: resident.id }, await requestHeaders(stack, caller, 'CASE_REVIEW:IR-2'));
      expect(answer.errors).toBeUndefined();
      return answer.data!.resident.labour;
    };
    const workerFor = (resident: TruthResident): Caller => ({
      subject: 'grid-worker-3',
      role: 'grid-worker',
      department: null,
      grids: [resident.gridId],
      community: null,
    });

    expect(await labourAs(workerFor(certainCard), certainCard)).toEqual({
      onRecord: true,
      employmentStatus: certainCard.labour!.employmentStatus,
      dataQualityIssues: [{ kind: 'LINKED_RECORD', grade: 'CERTAIN' }],
    });

    const labourOfficer: Caller = { ...OFFICER('labour', { community: probableCard.grid.communityId }), subject: 'officer-lb-2' };
    expect((await labourAs(workerFor(probableCard), probableCard)).dataQualityIssues).toEqual([{ kind: 'INVALID_CITIZEN_ID', grade: null }]);
    expect((await labourAs(labourOfficer, probableCard)).dataQualityIssues).toEqual([{ kind: 'UNRESOLVED_RECORD', grade: 'PROBABLE' }]);
    const confirmed = await graphql<{ confirmLabourLink: { state: string } }>(
      stack.gatewayUrl,
      `
        mutation ($input: RecordLinkInput!) {
          confirmLabourLink(input: $input) {
            state
            decidedBy
          }
        }
      `,
      { input: { storedId: labourTypo(probableCard)!.storedId, residentId: probableCard.id } },
      await requestHeaders(stack, labourOfficer, 'CASE_REVIEW:IR-2'),
    );
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmLabourLink).toEqual({ state: 'LINKED', decidedBy: 'officer-lb-2' });
    expect(await labourAs(workerFor(probableCard), probableCard)).toEqual({
      onRecord: true,
      employmentStatus: probableCard.labour!.employmentStatus,
      dataQualityIssues: [{ kind: 'LINKED_RECORD', grade: 'PROBABLE' }],
    });
  });

  it('lets one of two sessions confirming the same link at once win; the other gets LINK_CONFLICT', async () => {
    const resident = probable[2]!;
    const answers = await Promise.all([decide('confirm', officerFor(resident), resident), decide('confirm', officerFor(resident), resident)]);
    const codes = answers.map((answer) => answer.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['LINK_CONFLICT', 'OK']);
    expect((await sectionAs(officerFor(resident), resident)).dataQualityIssues).toEqual([
      expect.objectContaining({ kind: 'LINKED_RECORD', grade: 'PROBABLE' }),
    ]);
  });
});
