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

describe('why a caller is refused', () => {
  const issues = (input: object) => (callerSchema.safeParse(input).error?.issues ?? []).map(({ message, path }) => ({ message, path }));

  it('names the department for an officer without one, a street unit, or an id that is not kebab-case', () => {
    expect(issues(officer(null))).toContainEqual({ message: 'a department officer needs a department', path: ['department'] });
    for (const unit of ['grid', 'audit', 'statistics', 'changes'])
      expect(issues(officer(unit))).toContainEqual({
        message: 'the grid, the audit trail, the statistics and the changes services have no department officers',
        path: ['department'],
      });
    expect(issues(officer('Labour_Bureau'))).toContainEqual({ message: 'a department id is kebab-case', path: ['department'] });
  });

  it('takes a community id of any length but empty', () => {
    const clerk = (community: string) => ({ subject: 'c-1', role: 'window-clerk', department: null, grids: [], community });
    expect(callerSchema.safeParse(clerk('C012')).success).toBe(true);
    expect(callerSchema.safeParse(clerk('')).success).toBe(false);
  });
});
