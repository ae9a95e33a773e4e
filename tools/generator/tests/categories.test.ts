import type { ResidentCategory } from '@resident-graph/schemas';
import { age, pilot } from './pilot';

describe('grid categories', () => {
  const { residents, asOf } = pilot();

  it('are derived consistently from the departments’ facts and the resident’s age', () => {
    for (const resident of residents) {
      const categories = new Set<ResidentCategory>(resident.grid.categories);
      const years = age(resident.birthDate, asOf);
      const allowance = resident.civilAffairs?.allowanceCases.some((c) => c.kind === 'MINIMUM_LIVING_ALLOWANCE' && c.status === 'ACTIVE') ?? false;
      expect(categories.has('PERMANENT')).toBe(resident.publicSecurity.populationType === 'PERMANENT');
      expect(categories.has('FLOATING')).toBe(resident.publicSecurity.populationType === 'FLOATING');
      expect(categories.has('FAMILY_PLANNING_CLIENT')).toBe(resident.familyPlanning !== null);
      expect(categories.has('LAID_OFF')).toBe(resident.labour?.laidOff === true);
      expect(categories.has('MINIMUM_LIVING_ALLOWANCE')).toBe(allowance);
      expect(categories.has('DISABLED')).toBe(Boolean(resident.civilAffairs?.disability));
      expect(categories.has('ELDERLY')).toBe(years >= 60);
      expect(categories.has('CHILD_UNDER_3')).toBe(years < 3);
      expect(categories.size).toBe(resident.grid.categories.length);
    }
  });

  it('occur in the population, every one of them', () => {
    const seen = new Set(residents.flatMap((resident) => resident.grid.categories));
    const all: ResidentCategory[] = [
      'PERMANENT',
      'FLOATING',
      'FAMILY_PLANNING_CLIENT',
      'LAID_OFF',
      'MINIMUM_LIVING_ALLOWANCE',
      'DISABLED',
      'ELDERLY',
      'CHILD_UNDER_3',
    ];
    expect([...seen].sort()).toEqual([...all].sort());
  });
});
