import { callerSchema } from '../src';

const officer = (department: string | null) => ({ subject: 'o-1', role: 'department-officer', department, grids: [], community: null });

describe('the caller a token carries', () => {
  it("takes any department's kebab-case id, so a department added to the registry needs no change here", () => {
    expect(callerSchema.safeParse(officer('labour')).success).toBe(true);
    expect(callerSchema.safeParse(officer('community-corrections')).success).toBe(true);
  });

  it.each([['Community_Corrections'], ['labour '], ['-labour'], ['']])('refuses the department id %j', (department) => {
    expect(callerSchema.safeParse(officer(department)).success).toBe(false);
  });

  it('gives the grid and the audit trail no officers, and every officer a department', () => {
    for (const department of ['grid', 'audit', null]) expect(callerSchema.safeParse(officer(department)).success).toBe(false);
  });
});
