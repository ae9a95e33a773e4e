import type { TruthResident } from '@resident-graph/schemas';
import { age, pilot, share } from './pilot';

describe('civil-affairs facts', () => {
  const { residents, street, asOf } = pilot();
  const permanent = residents.filter((resident) => resident.publicSecurity.populationType === 'PERMANENT');
  const byHousehold = new Map<string, TruthResident[]>();
  for (const resident of residents) byHousehold.set(resident.householdId, [...(byHousehold.get(resident.householdId) ?? []), resident]);

  it('are held for registered residents only', () => {
    for (const resident of residents) if (resident.publicSecurity.populationType === 'FLOATING') expect(resident.civilAffairs).toBeNull();
    expect(share(permanent, (resident) => resident.civilAffairs !== null)).toBeGreaterThan(0.4);
  });

  it('grant 低保 to about 2–3 % of registered households, shared by every member', () => {
    const registered = street.households.filter((household) => household.registered);
    const withCase = registered.filter((household) =>
      byHousehold.get(household.id)!.some((member) => member.civilAffairs?.allowanceCases.some((c) => c.kind === 'MINIMUM_LIVING_ALLOWANCE')),
    );
    expect(withCase.length / registered.length).toBeGreaterThanOrEqual(0.02);
    expect(withCase.length / registered.length).toBeLessThanOrEqual(0.03);
    for (const household of withCase) {
      const members = byHousehold.get(household.id)!;
      const cases = members.map((member) => JSON.stringify(member.civilAffairs?.allowanceCases));
      expect(new Set(cases).size).toBe(1);
      for (const allowanceCase of members[0]!.civilAffairs!.allowanceCases) {
        expect(allowanceCase.amountPerMonth).toBeGreaterThan(0);
        expect(allowanceCase.amountPerMonth).toBeLessThanOrEqual(1_510);
        expect(allowanceCase.since <= asOf).toBe(true);
      }
    }
    const caseNumbers = new Set(residents.flatMap((resident) => resident.civilAffairs?.allowanceCases.map((c) => c.caseNumber) ?? []));
    expect(caseNumbers.size).toBeGreaterThanOrEqual(withCase.length);
  });

  it('has a few 特困 cases for people living alone', () => {
    const hardship = residents.filter((resident) => resident.civilAffairs?.allowanceCases.some((c) => c.kind === 'EXTREME_HARDSHIP'));
    expect(hardship.length).toBeGreaterThan(0);
    expect(hardship.length / residents.length).toBeLessThan(0.005);
    for (const resident of hardship) expect(byHousehold.get(resident.householdId)).toHaveLength(1);
  });

  it('certifies about 5 % of registered residents as disabled, with category, grade and a certificate keyed by ID', () => {
    const disabled = permanent.filter((resident) => resident.civilAffairs?.disability);
    expect(disabled.length / permanent.length).toBeGreaterThan(0.035);
    expect(disabled.length / permanent.length).toBeLessThan(0.07);
    for (const resident of disabled) {
      const disability = resident.civilAffairs!.disability!;
      expect([1, 2, 3, 4]).toContain(disability.grade);
      expect(disability.certificateNumber.startsWith(resident.id)).toBe(true);
      expect(disability.issuedOn > resident.birthDate && disability.issuedOn <= asOf).toBe(true);
    }
  });

  it('pays the elderly allowance to registered residents of 80 and over, and only to them', () => {
    for (const resident of permanent) {
      const allowance = resident.civilAffairs?.elderlyAllowance ?? null;
      expect(allowance !== null).toBe(age(resident.birthDate, asOf) >= 80);
      if (allowance) expect(age(resident.birthDate, allowance.since)).toBeGreaterThanOrEqual(80);
    }
  });

  it('records marriages for the married, divorced and widowed, never for the unmarried', () => {
    for (const resident of permanent) {
      const marriages = resident.civilAffairs?.marriages ?? [];
      const status = resident.publicSecurity.maritalStatus;
      if (status === 'UNMARRIED') expect(marriages).toHaveLength(0);
      else expect(marriages.length).toBeGreaterThan(0);
      if (status === 'DIVORCED') expect(marriages.map((marriage) => marriage.kind)).toEqual(['MARRIAGE', 'DIVORCE']);
      for (const marriage of marriages) {
        expect(age(resident.birthDate, marriage.registeredOn)).toBeGreaterThanOrEqual(resident.gender === 'MALE' ? 22 : 20);
        expect(marriage.registeredOn <= asOf).toBe(true);
      }
    }
    expect(permanent.some((resident) => resident.civilAffairs?.veteranBenefit)).toBe(true);
  });
});
