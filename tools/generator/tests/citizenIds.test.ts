import { citizenIdFacts, isValidCitizenId } from '@resident-graph/schemas';
import { REGION_CODE } from '../src';
import { pilot } from './pilot';

describe('citizen IDs', () => {
  const { residents, street } = pilot();

  it('are valid, unique and of the street’s region', () => {
    expect(street.regionCode).toBe(REGION_CODE);
    for (const resident of residents) {
      expect(isValidCitizenId(resident.id)).toBe(true);
      expect(resident.id.slice(0, 6)).toBe(street.regionCode);
    }
    expect(new Set(residents.map((resident) => resident.id)).size).toBe(residents.length);
  });

  it('carry the resident’s birth date and sex (odd sequence = male)', () => {
    for (const resident of residents) {
      const facts = citizenIdFacts(resident.id);
      expect(facts.birthDate).toBe(resident.birthDate);
      expect(facts.gender).toBe(resident.gender);
      expect(Number(resident.id[16]) % 2 === 1).toBe(resident.gender === 'MALE');
    }
  });

  it('never reuse a resident’s ID for a child known only to family planning', () => {
    const ids = new Set(residents.map((resident) => resident.id));
    for (const resident of residents) {
      for (const child of resident.familyPlanning?.children ?? []) {
        if (child.id === null) continue;
        expect(isValidCitizenId(child.id)).toBe(true);
        if (ids.has(child.id)) {
          const known = residents.find((candidate) => candidate.id === child.id)!;
          expect([known.name, known.birthDate, known.gender]).toEqual([child.name, child.birthDate, child.gender]);
        }
      }
    }
  });
});
