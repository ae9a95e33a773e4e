import { citizenIdsOneTypoAway, cleanCitizenId, convert15To18, normalizeCitizenId, type Imperfection, type TruthResident } from '@resident-graph/schemas';
import { pilot } from './pilot';

type Stored<K extends Imperfection['kind']> = { resident: TruthResident; imperfection: Extract<Imperfection, { kind: K }> };

describe('imperfections', () => {
  const { residents } = pilot();
  const ids = new Set(residents.map((resident) => resident.id));
  const all = residents.flatMap((resident) => resident.imperfections.map((imperfection) => ({ resident, imperfection })));
  const ofKind = <K extends Imperfection['kind']>(kind: K) => all.filter((entry): entry is Stored<K> => entry.imperfection.kind === kind);
  const recordOf = (resident: TruthResident, department: Imperfection['department']) =>
    ({
      'civil-affairs': resident.civilAffairs,
      'family-planning': resident.familyPlanning,
      labour: resident.labour,
      'public-security': resident.publicSecurity,
      grid: resident.grid,
    })[department];

  it('sit only on departments that hold a record of the resident, at most one stored ID each', () => {
    for (const { resident, imperfection } of all) {
      expect(['civil-affairs', 'family-planning', 'labour']).toContain(imperfection.department);
      expect(recordOf(resident, imperfection.department)).not.toBeNull();
    }
    for (const resident of residents) {
      const departments = resident.imperfections.filter((imperfection) => 'storedId' in imperfection).map((imperfection) => imperfection.department);
      expect(new Set(departments).size).toBe(departments.length);
    }
  });

  it('keys about 40 % of pre-1975 civil-affairs records by a 15-digit ID that converts back', () => {
    const fifteen = ofKind('ID_15_DIGIT');
    for (const { resident, imperfection } of fifteen) {
      expect(imperfection.department).toBe('civil-affairs');
      expect(imperfection.storedId).toMatch(/^\d{15}$/);
      expect(convert15To18(imperfection.storedId)).toBe(resident.id);
      expect(resident.birthDate < '1975-01-01').toBe(true);
    }
    const older = residents.filter((resident) => resident.civilAffairs && resident.birthDate < '1975-01-01');
    expect(fifteen.length / older.length).toBeGreaterThan(0.33);
    expect(fifteen.length / older.length).toBeLessThan(0.47);
  });

  it('stores typos that fail the check and are one typo away from exactly one resident: the right one', () => {
    const typos = ofKind('ID_TYPO');
    expect(new Set(typos.map(({ imperfection }) => imperfection.department))).toEqual(new Set(['civil-affairs', 'family-planning', 'labour']));
    for (const { resident, imperfection } of typos) {
      const result = normalizeCitizenId(imperfection.storedId);
      expect(result.ok).toBe(false);
      expect(result.ok || result.problem).toBe('BAD_CHECK_DIGIT');
      const near = citizenIdsOneTypoAway(imperfection.storedId).filter((candidate) => ids.has(candidate));
      expect(near).toEqual([resident.id]);
    }
    const records = residents.filter((resident) => resident.labour).length;
    const labourTypos = typos.filter(({ imperfection }) => imperfection.department === 'labour').length;
    expect(labourTypos / records).toBeGreaterThan(0.004);
    expect(labourTypos / records).toBeLessThan(0.02);
  });

  it('adds formatting noise to about 2 % of labour records that cleans back to the ID', () => {
    const noisy = ofKind('ID_FORMATTING');
    for (const { resident, imperfection } of noisy) {
      expect(imperfection.department).toBe('labour');
      expect(imperfection.storedId).not.toBe(resident.id);
      expect(cleanCitizenId(imperfection.storedId)).toBe(resident.id);
    }
    const share = noisy.length / residents.filter((resident) => resident.labour).length;
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.03);
  });

  it('writes about 3 % of family-planning names in traditional characters', () => {
    const variants = ofKind('NAME_VARIANT');
    for (const { resident, imperfection } of variants) {
      expect(imperfection.department).toBe('family-planning');
      expect(imperfection.storedName).not.toBe(resident.name);
      expect([...imperfection.storedName]).toHaveLength([...resident.name].length);
    }
    const share = variants.length / residents.filter((resident) => resident.familyPlanning).length;
    expect(share).toBeGreaterThan(0.025);
    expect(share).toBeLessThan(0.035);
  });
});
