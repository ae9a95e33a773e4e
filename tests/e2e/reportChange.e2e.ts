import { todayInShanghai, type TruthResident } from '@resident-graph/schemas';
import type { Caller } from '@resident-graph/trust';
import { graphql, OFFICER, readTruth, requestHeaders, startTestStack, type TestStack } from '../support';

const REPORT = `mutation ($input: ChangeReportInput!) {
  reportChange(input: $input) { id kind residentId deliveries { department state light dueBy } }
}`;
const READ = `query ($id: ID!) { changeReport(id: $id) { id deliveries { department state reason attempts light } } }`;
/** What civil affairs' officer reads to act on a change: the cases and their reviews. */
const CASE_REVIEWS = `query ($id: CitizenId!) { resident(id: $id) { civilAffairs { allowanceCases { caseNumber reviews { reason registeredOn status memberId } } } } }`;
const ACCESS_LOG = `query($id: CitizenId!) { accessLog(residentId: $id, first: 50) { nodes { subject role purposeCode subgraph fields } } }`;
/** What front-line staff see of every department: the parts a change may touch, and those it must not. */
const RECORD = `query ($id: CitizenId!) { resident(id: $id) {
  maritalStatus registeredAddress registrationStatus
  grid { id }
  civilAffairs { onRecord receivesMinimumLivingAllowance }
  familyPlanning { onRecord childBearingAge }
  labour { onRecord employmentStatus registeredUnemployed }
} }`;

interface Delivery {
  department: string;
  state: string;
  reason: string | null;
  attempts: number;
  light: string;
}
interface Report {
  id: string;
  deliveries: Delivery[];
}
interface FrontLineRecord {
  maritalStatus: string;
  registeredAddress: string;
  registrationStatus: string;
  grid: { id: string } | null;
  civilAffairs: unknown;
  familyPlanning: unknown;
  labour: { onRecord: boolean; employmentStatus: string; registeredUnemployed: boolean } | null;
}

const today = () => todayInShanghai();
const ageOn = (resident: TruthResident) => Number(today().slice(0, 4)) - Number(resident.birthDate.slice(0, 4));
const workerOf = (...grids: string[]): Caller => ({ subject: 'grid-worker-9', role: 'grid-worker', department: null, grids, community: null });

/**
 * Reporting each kind of change once through the gateway (issue 14): the report is taken and
 * audited, every department CHANGE_RULES lists applies it in its own system, and the
 * resident's record read back through the graph shows it in those departments — the other
 * departments' parts unchanged.
 */
describe('reportChange through the gateway, read back through the graph', () => {
  let stack: TestStack;
  let everyone: TruthResident[];
  const used = new Set<string>();
  const auditor: Caller = { subject: 'supervisor-1', role: 'auditor', department: null, grids: [], community: null };

  /** A resident of the generated street no other case has taken, recorded cleanly by every department. */
  const pick = (fits: (resident: TruthResident) => boolean): TruthResident => {
    const found = everyone.find((resident) => !used.has(resident.id) && resident.imperfections.length === 0 && fits(resident));
    if (!found) throw new Error('the generated street has no resident for this case');
    used.add(found.id);
    return found;
  };
  const report = async (caller: Caller, input: Record<string, unknown>) => {
    const answer = await graphql<{ reportChange: Report }>(stack.gatewayUrl, REPORT, { input }, await requestHeaders(stack, caller, 'HOME_VISIT:CHG-1'));
    expect(answer.errors).toBeUndefined();
    return answer.data!.reportChange;
  };
  /** The report once every department has decided (the workers retry what fails). */
  const settled = async (id: string): Promise<Report> => {
    const supervisor = await requestHeaders(stack, auditor, 'SUPERVISION');
    const deadline = Date.now() + 60_000;
    for (;;) {
      const read = (await graphql<{ changeReport: Report }>(stack.gatewayUrl, READ, { id }, supervisor)).data!.changeReport;
      if (read.deliveries.every((delivery) => delivery.state !== 'PENDING') || Date.now() > deadline) return read;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  };
  const accepted = (report: Report) => report.deliveries.map(({ department, state, reason }) => [department, state, reason]);
  const recordAs = async (caller: Caller, id: string) => {
    const answer = await graphql<{ resident: FrontLineRecord }>(stack.gatewayUrl, RECORD, { id }, await requestHeaders(stack, caller, 'HOME_VISIT:CHG-1'));
    expect(answer.errors).toBeUndefined();
    return answer.data!.resident;
  };

  beforeAll(async () => {
    stack = await startTestStack({ CHANGES_RETRY_DELAY_SECONDS: '1', CHANGES_POLLING_INTERVAL_SECONDS: '0.5' });
    everyone = readTruth(stack.dataDir);
  });
  afterAll(async () => {
    await stack?.stopAll();
  });

  it('refuses a report without a purpose, and a birth dated in the future, queueing nothing', async () => {
    const resident = pick((candidate) => candidate.labour !== null);
    const input = { kind: 'EMPLOYMENT_CHANGE', residentId: resident.id, occurredOn: today(), employment: { status: 'REGISTERED_UNEMPLOYED' } };
    const refused = await graphql(stack.gatewayUrl, REPORT, { input }, await requestHeaders(stack, workerOf(resident.gridId), null));
    expect(refused.errors?.[0]?.extensions?.code).toBe('PURPOSE_REQUIRED');
    const mother = pick((candidate) => candidate.gender === 'FEMALE' && candidate.familyPlanning !== null && ageOn(candidate) < 40);
    const future = await graphql(
      stack.gatewayUrl,
      REPORT,
      { input: { kind: 'BIRTH', occurredOn: '2999-01-01', birth: { motherId: mother.id, childName: '王小明', childGender: 'MALE' } } },
      await requestHeaders(stack, workerOf(mother.gridId), 'HOME_VISIT:CHG-1'),
    );
    expect(future.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('EMPLOYMENT_CHANGE: labour shows the new status, civil affairs reviews; public security, family planning and the grid unchanged', async () => {
    const resident = pick((candidate) => candidate.labour?.employmentStatus === 'EMPLOYED' && ageOn(candidate) < 50);
    const worker = workerOf(resident.gridId);
    const before = await recordAs(worker, resident.id);
    const reported = await report(worker, {
      kind: 'EMPLOYMENT_CHANGE',
      residentId: resident.id,
      occurredOn: today(),
      employment: { status: 'REGISTERED_UNEMPLOYED' },
    });
    expect(accepted(await settled(reported.id))).toEqual([
      ['LABOUR', 'ACCEPTED', null],
      ['CIVIL_AFFAIRS', 'ACCEPTED', null],
    ]);
    const after = await recordAs(worker, resident.id);
    expect(after.labour?.employmentStatus).toBe('REGISTERED_UNEMPLOYED');
    expect({ ...after, labour: null }).toEqual({ ...before, labour: null });

    const log = await graphql<{ accessLog: { nodes: { subject: string; purposeCode: string; subgraph: string; fields: string[] }[] } }>(
      stack.gatewayUrl,
      ACCESS_LOG,
      { id: resident.id },
      await requestHeaders(stack, auditor, 'SUPERVISION'),
    );
    expect(log.data!.accessLog.nodes).toContainEqual(
      expect.objectContaining({
        subject: 'grid-worker-9',
        purposeCode: 'HOME_VISIT',
        subgraph: 'changes',
        fields: expect.arrayContaining(['Mutation.reportChange']),
      }),
    );
  });

  it('EMPLOYMENT_CHANGE of a member in force of an allowance case: civil affairs’ officer reads the case’s pending review, the reason given, on every member of the case', async () => {
    const inForce = (candidate: TruthResident) => candidate.civilAffairs?.allowanceCases.filter((c) => c.status === 'ACTIVE') ?? [];
    const civilAffairsFlaw = (candidate: TruthResident, kind: string) =>
      candidate.imperfections.some((flaw) => flaw.department === 'civil-affairs' && flaw.kind === kind);
    const onCaseOf = (candidate: TruthResident) => (other: TruthResident) =>
      other.grid.communityId === candidate.grid.communityId &&
      (other.civilAffairs?.allowanceCases.some((c) => inForce(candidate).some((mine) => mine.caseNumber === c.caseNumber)) ?? false);
    // A household with a member the bureau keeps under an old 15-digit ID: the case's review must reach them too.
    const resident = pick(
      (candidate) =>
        candidate.labour !== null &&
        inForce(candidate).length > 0 &&
        everyone.some((other) => onCaseOf(candidate)(other) && civilAffairsFlaw(other, 'ID_15_DIGIT')),
    );
    const status = resident.labour!.employmentStatus === 'EMPLOYED' ? 'REGISTERED_UNEMPLOYED' : 'EMPLOYED';
    const reason = { EMPLOYED: '就业状态变化：就业', REGISTERED_UNEMPLOYED: '就业状态变化：登记失业' }[status];
    const reported = await report(workerOf(resident.gridId), {
      kind: 'EMPLOYMENT_CHANGE',
      residentId: resident.id,
      occurredOn: today(),
      employment: { status },
    });
    expect(accepted(await settled(reported.id))).toEqual([
      ['LABOUR', 'ACCEPTED', null],
      ['CIVIL_AFFAIRS', 'ACCEPTED', null],
    ]);

    const reviewed = inForce(resident).map((c) => c.caseNumber);
    // The review is the case's: every member the bureau holds under a valid ID reads it, whatever form their own row keeps.
    const members = everyone.filter((other) => onCaseOf(resident)(other) && !civilAffairsFlaw(other, 'ID_TYPO'));
    const officer = await requestHeaders(stack, OFFICER('civil-affairs', { community: resident.grid.communityId }), 'CASE_REVIEW:CHG-1');
    const review = { reason, registeredOn: today(), status: 'PENDING', memberId: resident.id };
    for (const member of members) {
      const answer = await graphql<{ resident: { civilAffairs: { allowanceCases: { caseNumber: string; reviews: (typeof review)[] }[] } } }>(
        stack.gatewayUrl,
        CASE_REVIEWS,
        { id: member.id },
        officer,
      );
      expect(answer.errors).toBeUndefined();
      const cases = answer.data!.resident.civilAffairs.allowanceCases.filter((c) => reviewed.includes(c.caseNumber));
      expect({ member: member.id, cases: cases.map((c) => c.caseNumber).sort() }).toEqual({
        member: member.id,
        cases: member
          .civilAffairs!.allowanceCases.map((c) => c.caseNumber)
          .filter((caseNumber) => reviewed.includes(caseNumber))
          .sort(),
      });
      for (const allowanceCase of cases) expect(allowanceCase.reviews).toContainEqual(review);
    }
    expect(members.map((member) => member.id)).toContain(resident.id);
    expect(members.some((member) => civilAffairsFlaw(member, 'ID_15_DIGIT'))).toBe(true);
  });

  it('ADDRESS_CHANGE: the grid places the resident in the new grid, public security registers the address; the old grid’s worker no longer reads them', async () => {
    const resident = pick(
      (candidate) => candidate.publicSecurity.populationType === 'PERMANENT' && candidate.labour === null && candidate.familyPlanning === null,
    );
    const target = everyone.find((other) => other.gridId !== resident.gridId)!.gridId;
    const address = `${resident.gridId}-${target} 新址 8 号 101 室`;
    const reported = await report(workerOf(resident.gridId, target), {
      kind: 'ADDRESS_CHANGE',
      residentId: resident.id,
      occurredOn: today(),
      move: { gridId: target, address },
    });
    expect(accepted(await settled(reported.id))).toEqual([
      ['PUBLIC_SECURITY', 'ACCEPTED', null],
      ['GRID', 'ACCEPTED', null],
    ]);
    const after = await recordAs(workerOf(target), resident.id);
    expect(after.grid).toEqual({ id: target });
    expect(after.registeredAddress).toBe(address);
    const old = await graphql(stack.gatewayUrl, RECORD, { id: resident.id }, await requestHeaders(stack, workerOf(resident.gridId), 'HOME_VISIT:CHG-1'));
    expect(old.errors?.[0]?.extensions?.code).toBe('OUT_OF_JURISDICTION');
  });

  it('MARRIAGE then DIVORCE: public security changes both parties’ marital status, civil affairs registers each; a second marriage is refused', async () => {
    const unmarried = (gender: string) => (candidate: TruthResident) =>
      candidate.gender === gender &&
      candidate.publicSecurity.maritalStatus === 'UNMARRIED' &&
      candidate.publicSecurity.populationType === 'PERMANENT' &&
      ageOn(candidate) >= 25 &&
      ageOn(candidate) < 40;
    const groom = pick(unmarried('MALE'));
    const bride = pick((candidate) => unmarried('FEMALE')(candidate) && candidate.gridId === groom.gridId);
    const worker = workerOf(groom.gridId);
    const married = await report(worker, { kind: 'MARRIAGE', residentId: groom.id, occurredOn: today(), spouse: { spouseId: bride.id } });
    const decided = await settled(married.id);
    expect(decided.deliveries.map(({ department, state }) => [department, state])).toEqual([
      ['CIVIL_AFFAIRS', 'ACCEPTED'],
      ['PUBLIC_SECURITY', 'ACCEPTED'],
      ['FAMILY_PLANNING', 'ACCEPTED'],
    ]);
    for (const party of [groom, bride]) expect((await recordAs(worker, party.id)).maritalStatus).toBe('MARRIED');
    const officer = OFFICER('civil-affairs', { community: groom.grid.communityId });
    const marriages = await graphql<{ resident: { civilAffairs: { marriages: { kind: string; spouseId: string | null }[] } } }>(
      stack.gatewayUrl,
      `
        query ($id: CitizenId!) {
          resident(id: $id) {
            civilAffairs {
              marriages {
                kind
                spouseId
              }
            }
          }
        }
      `,
      { id: groom.id },
      await requestHeaders(stack, officer, 'CASE_REVIEW:CHG-1'),
    );
    expect(marriages.errors).toBeUndefined();
    expect(marriages.data!.resident.civilAffairs.marriages).toContainEqual({ kind: 'MARRIAGE', spouseId: bride.id });

    const again = await graphql(
      stack.gatewayUrl,
      REPORT,
      { input: { kind: 'MARRIAGE', residentId: bride.id, occurredOn: today(), spouse: { spouseId: groom.id } } },
      await requestHeaders(stack, worker, 'HOME_VISIT:CHG-1'),
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const divorced = await report(worker, { kind: 'DIVORCE', residentId: groom.id, occurredOn: today(), spouse: { spouseId: bride.id } });
    expect(accepted(await settled(divorced.id))).toEqual([
      ['CIVIL_AFFAIRS', 'ACCEPTED', null],
      ['PUBLIC_SECURITY', 'ACCEPTED', null],
    ]);
    for (const party of [groom, bride]) expect((await recordAs(worker, party.id)).maritalStatus).toBe('DIVORCED');
  });

  it('BIRTH: family planning registers the child on the mother’s record; public security and the grid accept it', async () => {
    const mother = pick(
      (candidate) =>
        candidate.gender === 'FEMALE' &&
        candidate.familyPlanning !== null &&
        candidate.publicSecurity.populationType === 'PERMANENT' &&
        ageOn(candidate) >= 22 &&
        ageOn(candidate) < 40,
    );
    const reported = await report(workerOf(mother.gridId), {
      kind: 'BIRTH',
      occurredOn: today(),
      birth: { motherId: mother.id, childName: '林小禾', childGender: 'FEMALE' },
    });
    expect(accepted(await settled(reported.id))).toEqual([
      ['FAMILY_PLANNING', 'ACCEPTED', null],
      ['PUBLIC_SECURITY', 'ACCEPTED', null],
      ['GRID', 'ACCEPTED', null],
    ]);
    const officer = OFFICER('family-planning', { community: mother.grid.communityId });
    const children = await graphql<{ resident: { familyPlanning: { children: { name: string; birthDate: string }[] } } }>(
      stack.gatewayUrl,
      `
        query ($id: CitizenId!) {
          resident(id: $id) {
            familyPlanning {
              children {
                name
                birthDate
              }
            }
          }
        }
      `,
      { id: mother.id },
      await requestHeaders(stack, officer, 'CASE_REVIEW:CHG-1'),
    );
    expect(children.errors).toBeUndefined();
    expect(children.data!.resident.familyPlanning.children).toContainEqual({ name: '林小禾', birthDate: today() });
  });

  it('DEATH: every department listed accepts it; the grid no longer places the resident, so their former grid worker reads them no more', async () => {
    const resident = pick((candidate) => candidate.labour !== null && candidate.publicSecurity.populationType === 'PERMANENT' && ageOn(candidate) >= 50);
    const reported = await report(workerOf(resident.gridId), { kind: 'DEATH', residentId: resident.id, occurredOn: today() });
    expect(accepted(await settled(reported.id))).toEqual([
      ['PUBLIC_SECURITY', 'ACCEPTED', null],
      ['CIVIL_AFFAIRS', 'ACCEPTED', null],
      ['LABOUR', 'ACCEPTED', null],
      ['GRID', 'ACCEPTED', null],
    ]);
    const after = await graphql(stack.gatewayUrl, RECORD, { id: resident.id }, await requestHeaders(stack, workerOf(resident.gridId), 'HOME_VISIT:CHG-1'));
    expect(after.errors?.[0]?.extensions?.code).toBe('OUT_OF_JURISDICTION');
    const twice = await graphql(
      stack.gatewayUrl,
      REPORT,
      { input: { kind: 'DEATH', residentId: resident.id, occurredOn: today() } },
      await requestHeaders(stack, workerOf(resident.gridId), 'HOME_VISIT:CHG-1'),
    );
    expect(twice.errors?.[0]?.extensions?.code).toMatch(/^(BAD_USER_INPUT|OUT_OF_JURISDICTION)$/);
  });

  it('MOVE_OUT, then MOVE_IN as they come back: each department listed accepts both; back, the new grid places them and the register holds them again', async () => {
    const resident = pick(
      (candidate) => candidate.publicSecurity.populationType === 'PERMANENT' && candidate.civilAffairs !== null && candidate.familyPlanning !== null,
    );
    const movedOut = await report(workerOf(resident.gridId), {
      kind: 'MOVE_OUT',
      residentId: resident.id,
      occurredOn: today(),
      moveOut: { toAddress: '江苏省南通市崇川区 1 号' },
    });
    expect(accepted(await settled(movedOut.id))).toEqual([
      ['PUBLIC_SECURITY', 'ACCEPTED', null],
      ['GRID', 'ACCEPTED', null],
      ['CIVIL_AFFAIRS', 'ACCEPTED', null],
      ['FAMILY_PLANNING', 'ACCEPTED', null],
    ]);
    const gone = await graphql(stack.gatewayUrl, RECORD, { id: resident.id }, await requestHeaders(stack, workerOf(resident.gridId), 'HOME_VISIT:CHG-1'));
    expect(gone.errors?.[0]?.extensions?.code).toBe('OUT_OF_JURISDICTION');

    const target = everyone.find((other) => other.gridId !== resident.gridId)!.gridId;
    const address = `${target} 回迁 3 号 202 室`;
    const movedIn = await report(workerOf(target), { kind: 'MOVE_IN', residentId: resident.id, occurredOn: today(), move: { gridId: target, address } });
    expect(accepted(await settled(movedIn.id))).toEqual([
      ['PUBLIC_SECURITY', 'ACCEPTED', null],
      ['GRID', 'ACCEPTED', null],
      ['FAMILY_PLANNING', 'ACCEPTED', null],
    ]);
    const back = await recordAs(workerOf(target), resident.id);
    expect(back.grid).toEqual({ id: target });
    expect(back.registrationStatus).toBe('REGISTERED');
    expect(back.registeredAddress).toBe(address);

    const again = await graphql(
      stack.gatewayUrl,
      REPORT,
      { input: { kind: 'MOVE_IN', residentId: resident.id, occurredOn: today(), move: { gridId: target, address } } },
      await requestHeaders(stack, workerOf(target), 'HOME_VISIT:CHG-1'),
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
