import { checkCharacter, toFifteenDigitId } from '@resident-graph/schemas';
import { citizenId, fullWidthDigits } from '@resident-graph/test-kit';
import { IdentityMatcher, type DepartmentRecordIdentity, type RegisteredResident } from '../src';

const resident = (id: string, name: string, overrides: Partial<RegisteredResident> = {}): RegisteredResident => ({
  id,
  name,
  gender: Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
  birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
  householdId: 'H0001',
  address: '上海市浦东新区北艾路71弄1号101室',
  ...overrides,
});
const record = (storedId: string, nameOnRecord: string | null, extra: Partial<DepartmentRecordIdentity> = {}): DepartmentRecordIdentity => ({
  department: 'civil-affairs',
  recordReference: 'DB2020000013',
  storedId,
  nameOnRecord,
  ...extra,
});
/** The ID with one character replaced: a typo the check character catches. */
const typo = (id: string, position: number, character: string) => id.slice(0, position) + character + id.slice(position + 1);
/** A different sequence digit than the ID's at `position`, leaving the check character stale. */
const mistype = (id: string, position: number) => typo(id, position, String((Number(id[position]) + 3) % 10));

const zhang = resident(citizenId('19851019', 551), '张伟');
const liu = resident(citizenId('19600301', 122), '刘秀兰');

describe('IdentityMatcher.resolve', () => {
  const matcher = new IdentityMatcher([zhang, liu]);

  it('resolves a stored ID that names a registered resident as it is, formatting noise folded', () => {
    expect(matcher.resolve(record(fullWidthDigits(zhang.id), '张伟'))).toEqual({ status: 'RESOLVED', residentId: zhang.id });
    expect(matcher.resolve(record(` ${zhang.id.slice(0, 6)}\u3000${zhang.id.slice(6)} `, '张伟'))).toEqual({ status: 'RESOLVED', residentId: zhang.id });
  });

  it('links a one-digit typo to the only resident it can stand for, CERTAIN when the name agrees', () => {
    const result = matcher.resolve(record(mistype(zhang.id, 3), '张伟'));
    expect(result.status).toBe('UNRESOLVED');
    if (result.status !== 'UNRESOLVED') return;
    expect(result.candidates).toHaveLength(1);
    expect(result.candidates[0]).toMatchObject({ residentId: zhang.id, grade: 'CERTAIN' });
    expect(result.candidates[0]!.evidence[0]).toMatchObject({ kind: 'ID_SUBSTITUTION', position: 3, candidate: zhang.id[3] });
    expect(result.candidates[0]!.evidence).toContainEqual({ kind: 'NAME', agreement: 'EXACT' });
  });

  it('links a typo whose name is keyed in traditional characters, with the variant as evidence', () => {
    const result = matcher.resolve(record(mistype(liu.id, 15), '劉秀蘭'));
    expect(result).toMatchObject({ status: 'UNRESOLVED', candidates: [{ residentId: liu.id, grade: 'CERTAIN' }] });
    if (result.status === 'UNRESOLVED') expect(result.candidates[0]!.evidence).toContainEqual({ kind: 'NAME', agreement: 'SCRIPT_VARIANT' });
  });

  it('finds an adjacent transposition', () => {
    const swapAt = [...zhang.id].findIndex((character, index) => index < 16 && character !== zhang.id[index + 1]);
    const swapped = zhang.id.slice(0, swapAt) + zhang.id[swapAt + 1]! + zhang.id[swapAt]! + zhang.id.slice(swapAt + 2);
    const result = matcher.resolve(record(swapped, '张伟'));
    expect(result).toMatchObject({ status: 'UNRESOLVED', candidates: [{ residentId: zhang.id, grade: 'CERTAIN' }] });
    if (result.status === 'UNRESOLVED') expect(result.candidates[0]!.evidence[0]).toEqual({ kind: 'ID_TRANSPOSITION', position: swapAt });
  });

  it('converts a 15-digit ID and grades it on the name', () => {
    const fifteen = toFifteenDigitId(liu.id)!;
    expect(matcher.resolve(record(fifteen, '刘秀兰'))).toMatchObject({
      status: 'UNRESOLVED',
      candidates: [{ residentId: liu.id, grade: 'CERTAIN', evidence: expect.arrayContaining([{ kind: 'ID_15_TO_18' }]) }],
    });
    expect(matcher.resolve(record(fifteen, '王建国'))).toMatchObject({ candidates: [{ residentId: liu.id, grade: 'POSSIBLE' }] });
  });

  it('takes a lower-case x check character for the upper-case one', () => {
    const first17 = `310115${'19790124'}39`;
    const sequenceDigits = [...'0123456789'].map((digit) => first17 + digit).find((prefix) => checkCharacter(prefix) === 'X')!;
    const withX = resident(`${sequenceDigits}X`, '李蕾');
    const result = new IdentityMatcher([withX]).resolve(record(`${mistype(withX.id, 2).slice(0, 17)}x`, '李蕾'));
    expect(result).toMatchObject({ status: 'UNRESOLVED', candidates: [{ residentId: withX.id, grade: 'CERTAIN' }] });
  });

  it('grades PROBABLE when only the surname agrees, and when the name agrees but the gender does not', () => {
    expect(matcher.resolve(record(mistype(zhang.id, 0), '张小伟'))).toMatchObject({ candidates: [{ residentId: zhang.id, grade: 'PROBABLE' }] });
    expect(matcher.resolve(record(mistype(zhang.id, 0), '张伟', { gender: 'FEMALE' }))).toMatchObject({
      candidates: [{ residentId: zhang.id, grade: 'PROBABLE', evidence: expect.arrayContaining([{ kind: 'GENDER', agreement: 'DIFFERS', source: 'RECORD' }]) }],
    });
  });

  it('grades POSSIBLE when the name is another person’s or missing', () => {
    expect(matcher.resolve(record(mistype(zhang.id, 4), '王建国'))).toMatchObject({ candidates: [{ grade: 'POSSIBLE' }] });
    expect(matcher.resolve(record(mistype(zhang.id, 4), null))).toMatchObject({ candidates: [{ grade: 'POSSIBLE' }] });
    expect(matcher.resolve(record(mistype(zhang.id, 4), ' \u3000'))).toMatchObject({ candidates: [{ grade: 'POSSIBLE' }] });
  });

  it('never calls a typo CERTAIN when it can stand for two registered residents; the one whose name agrees is PROBABLE', () => {
    const stored = mistype(zhang.id, 15);
    const neighbours = [...'0123456789'].map((digit) => typo(stored, 17, digit)).concat(typo(stored, 17, 'X'));
    const twinId = [...Array(18).keys()]
      .flatMap((position) => [...'0123456789'].map((digit) => typo(stored, position, digit)))
      .concat(neighbours)
      .find((id) => id !== zhang.id && /^\d{17}[\dX]$/.test(id) && checkCharacter(id) === id[17] && id.slice(6, 14) === zhang.id.slice(6, 14))!;
    const twin = resident(twinId, '赵敏');
    const result = new IdentityMatcher([zhang, twin]).resolve(record(stored, '张伟'));
    expect(result).toMatchObject({
      status: 'UNRESOLVED',
      candidates: [
        { residentId: zhang.id, grade: 'PROBABLE' },
        { residentId: twin.id, grade: 'POSSIBLE' },
      ],
    });
  });

  it('has no candidates for ugly stored IDs no single error explains', () => {
    for (const ugly of [`${zhang.id.slice(0, 17)}%00`, `${zhang.id}%00`, '', '   ', zhang.id.slice(0, 17), '张伟', `${zhang.id.slice(0, 16)}AB`]) {
      expect(matcher.resolve(record(ugly, '张伟'))).toEqual({ status: 'UNRESOLVED', candidates: [] });
    }
  });

  it('does not invent a candidate for a valid ID of someone not registered', () => {
    expect(matcher.resolve(record(citizenId('19900101', 13), '张伟'))).toEqual({ status: 'UNRESOLVED', candidates: [] });
  });

  it('states the evidence of the stored ID’s birth date and sex', () => {
    const result = matcher.resolve(record(mistype(zhang.id, 16), '张伟'));
    expect(result).toMatchObject({
      candidates: [{ residentId: zhang.id, evidence: expect.arrayContaining([{ kind: 'BIRTH_DATE', agreement: 'AGREES', source: 'STORED_ID' }]) }],
    });
  });
});
