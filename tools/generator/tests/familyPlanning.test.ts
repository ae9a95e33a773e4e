import { age, pilot } from './pilot';

describe('family-planning facts', () => {
  const { residents, asOf } = pilot();
  const ids = new Set(residents.map((resident) => resident.id));

  it('are held for women 15–49, parents of children under 18 and holders of an only-child certificate', () => {
    for (const resident of residents) {
      const years = age(resident.birthDate, asOf);
      const childBearingAge = resident.gender === 'FEMALE' && years >= 15 && years <= 49;
      const record = resident.familyPlanning;
      const eligible = childBearingAge || Boolean(record?.children.some((child) => age(child.birthDate, asOf) < 18)) || Boolean(record?.onlyChildCertificate);
      if (childBearingAge) expect(record?.childBearingAge).toBe(true);
      if (record) expect(eligible).toBe(true);
      else expect(childBearingAge).toBe(false);
    }
  });

  it('lists the resident children of a parent with their IDs', () => {
    const byId = new Map(residents.map((resident) => [resident.id, resident]));
    let linked = 0;
    for (const resident of residents) {
      for (const child of resident.familyPlanning?.children ?? []) {
        expect(child.birthDate > resident.birthDate).toBe(true);
        if (child.id === null || !ids.has(child.id)) continue;
        linked += 1;
        expect(byId.get(child.id)!.householdId).toBe(resident.householdId);
      }
    }
    expect(linked).toBeGreaterThan(1_000);
  });

  it('knows newborns of the last three months by name and birth date only', () => {
    const threeMonthsAgo = new Date(Date.parse(`${asOf}T00:00:00Z`) - 91 * 86_400_000).toISOString().slice(0, 10);
    const newborns = residents.flatMap((resident) =>
      (resident.familyPlanning?.children ?? []).filter((child) => child.id === null).map((child) => ({ parent: resident, child })),
    );
    expect(newborns.length).toBeGreaterThan(5);
    for (const { parent, child } of newborns) {
      expect(child.birthDate > threeMonthsAgo && child.birthDate < asOf).toBe(true);
      expect(child.name).toMatch(/^\p{Script=Han}{2,4}$/u);
      expect(residents.some((resident) => resident.name === child.name && resident.birthDate === child.birthDate)).toBe(false);
      expect(parent.familyPlanning!.birthRegistrations.some((registration) => registration.registeredOn < child.birthDate)).toBe(true);
    }
  });

  it('registers births since 2016 with their order, and gives reward support from 60 to only-child certificate holders', () => {
    let registrations = 0;
    for (const resident of residents) {
      const record = resident.familyPlanning;
      if (!record) continue;
      const since2016 = record.children.filter((child) => child.birthDate >= '2016-01-01');
      expect(record.birthRegistrations).toHaveLength(since2016.length);
      registrations += record.birthRegistrations.length;
      for (const registration of record.birthRegistrations) expect(registration.childOrder).toBeGreaterThanOrEqual(1);
      const certificate = record.onlyChildCertificate;
      if (certificate) expect(record.children).toHaveLength(1);
      expect(record.rewardSupport !== null).toBe(certificate !== null && age(resident.birthDate, asOf) >= 60);
      if (record.rewardSupport) expect(age(resident.birthDate, record.rewardSupport.since)).toBeGreaterThanOrEqual(60);
    }
    expect(registrations).toBeGreaterThan(0);
    expect(residents.some((resident) => resident.familyPlanning?.rewardSupport)).toBe(true);
  });
});
