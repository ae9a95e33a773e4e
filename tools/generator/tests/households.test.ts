import { ETHNICITY_NAMES, type TruthResident } from '@resident-graph/schemas';
import { age, pilot, share } from './pilot';

describe('households and families', () => {
  const { residents, street, asOf } = pilot();
  const byHousehold = new Map<string, TruthResident[]>();
  for (const resident of residents) byHousehold.set(resident.householdId, [...(byHousehold.get(resident.householdId) ?? []), resident]);
  const byId = new Map(residents.map((resident) => [resident.id, resident]));

  it('average 2.7–3.1 people, none empty', () => {
    const average = residents.length / street.households.length;
    expect(average).toBeGreaterThanOrEqual(2.7);
    expect(average).toBeLessThanOrEqual(3.1);
    expect(Math.min(...[...byHousehold.values()].map((members) => members.length))).toBeGreaterThanOrEqual(1);
  });

  it('has one head per registered household, and members registered in the household they live in', () => {
    const registered = new Map(street.households.map((household) => [household.id, household.registered]));
    for (const [householdId, members] of byHousehold) {
      if (!registered.get(householdId)) continue;
      expect(members.filter((member) => member.publicSecurity.relationToHead === 'HEAD')).toHaveLength(1);
      for (const member of members) {
        expect(member.publicSecurity.populationType).toBe('PERMANENT');
        expect(member.publicSecurity.householdId).toBe(householdId);
        expect(member.publicSecurity.registeredAddress).toBe(member.grid.address);
      }
    }
  });

  it('has 20–25 % floating residents in rented dwellings, registered elsewhere, with residence permits', () => {
    const floating = residents.filter((resident) => resident.publicSecurity.populationType === 'FLOATING');
    expect(floating.length / residents.length).toBeGreaterThanOrEqual(0.2);
    expect(floating.length / residents.length).toBeLessThanOrEqual(0.25);
    const rented = new Set(street.households.filter((household) => !household.registered).map((household) => household.id));
    for (const resident of floating) {
      expect(rented.has(resident.householdId)).toBe(true);
      expect(resident.publicSecurity.householdId).toBeNull();
      expect(resident.publicSecurity.relationToHead).toBeNull();
      expect(resident.publicSecurity.registeredAddress).not.toMatch(/^上海市/);
      const permit = resident.publicSecurity.residencePermit!;
      expect(permit.issuedOn < permit.expiresOn).toBe(true);
      expect(permit.issuedOn > resident.birthDate && permit.issuedOn <= asOf).toBe(true);
    }
    expect(new Set(floating.map((resident) => resident.publicSecurity.residencePermit!.number)).size).toBe(floating.length);
  });

  it('keeps marital status consistent with age and household', () => {
    for (const resident of residents) {
      const { maritalStatus, relationToHead } = resident.publicSecurity;
      if (age(resident.birthDate, asOf) < 20) expect(maritalStatus).toBe('UNMARRIED');
      if (relationToHead === 'SPOUSE') expect(maritalStatus).toBe('MARRIED');
      const spouse = resident.civilAffairs?.marriages.find((marriage) => marriage.kind === 'MARRIAGE' && marriage.spouseId)?.spouseId;
      if (spouse) {
        expect(maritalStatus).toBe('MARRIED');
        expect(byId.get(spouse)!.householdId).toBe(resident.householdId);
        expect(byId.get(spouse)!.gender).not.toBe(resident.gender);
      }
    }
    for (const members of byHousehold.values()) {
      const head = members.find((member) => member.publicSecurity.relationToHead === 'HEAD');
      const spouse = members.find((member) => member.publicSecurity.relationToHead === 'SPOUSE');
      if (head && spouse) expect(head.publicSecurity.maritalStatus).toBe('MARRIED');
    }
  });

  it('builds families: children younger than their parents, several generations, GB/T 4761 relations', () => {
    const relations = new Set(residents.map((resident) => resident.publicSecurity.relationToHead));
    for (const relation of ['HEAD', 'SPOUSE', 'SON', 'DAUGHTER', 'PARENT', 'GRANDCHILD'] as const) expect(relations.has(relation)).toBe(true);
    for (const members of byHousehold.values()) {
      const head = members.find((member) => member.publicSecurity.relationToHead === 'HEAD');
      if (!head) continue;
      for (const member of members) {
        const relation = member.publicSecurity.relationToHead;
        if (relation === 'SON' || relation === 'DAUGHTER' || relation === 'GRANDCHILD') expect(member.birthDate > head.birthDate).toBe(true);
        if (relation === 'PARENT') expect(member.birthDate < head.birthDate).toBe(true);
        if (relation === 'SON') expect(member.gender).toBe('MALE');
        if (relation === 'DAUGHTER') expect(member.gender).toBe('FEMALE');
      }
    }
  });

  it('is mostly 汉族 with a few others, and names are Chinese names', () => {
    expect(share(residents, (resident) => resident.publicSecurity.ethnicityCode === '01')).toBeGreaterThan(0.95);
    const others = new Set(residents.map((resident) => resident.publicSecurity.ethnicityCode).filter((code) => code !== '01'));
    expect(others.size).toBeGreaterThanOrEqual(3);
    for (const code of others) expect(ETHNICITY_NAMES[code]).toBeDefined();
    for (const resident of residents) expect(resident.name).toMatch(/^\p{Script=Han}{2,4}$/u);
    const surnames = new Map<string, number>();
    for (const resident of residents) surnames.set(resident.name[0]!, (surnames.get(resident.name[0]!) ?? 0) + 1);
    const ranked = [...surnames].sort((a, b) => b[1] - a[1]).map(([surname]) => surname);
    expect(ranked.slice(0, 6)).toEqual(expect.arrayContaining(['王', '李', '张']));
  });
});
