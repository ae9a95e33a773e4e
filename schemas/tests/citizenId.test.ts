import {
  checkCharacter,
  citizenIdFacts,
  citizenIdsOneTypoAway,
  convert15To18,
  isValidCitizenId,
  maskCitizenId,
  normalizeCitizenId,
  toFifteenDigitId,
} from '../src';

// GB 11643-1999's own worked example.
const STANDARD_EXAMPLE = '11010519491231002X';

describe('checkCharacter', () => {
  it('computes the standard example, including the X check character', () => {
    expect(checkCharacter(STANDARD_EXAMPLE.slice(0, 17))).toBe('X');
    expect(checkCharacter('34052419800101001')).toBe('X');
  });

  it('catches every single-digit substitution', () => {
    const first17 = STANDARD_EXAMPLE.slice(0, 17);
    for (let position = 0; position < 17; position++) {
      for (const digit of '0123456789') {
        if (digit === first17[position]) continue;
        const mistyped = first17.slice(0, position) + digit + first17.slice(position + 1);
        expect(checkCharacter(mistyped)).not.toBe('X');
      }
    }
  });
});

describe('normalizeCitizenId', () => {
  it('accepts a valid ID unchanged', () => {
    expect(normalizeCitizenId(STANDARD_EXAMPLE)).toEqual({ ok: true, id: STANDARD_EXAMPLE, converted: false });
  });

  it('folds full-width digits, lower-case x and white space', () => {
    const noisy = ' １１０１０５ 19491231002x\u3000';
    expect(normalizeCitizenId(noisy)).toEqual({ ok: true, id: STANDARD_EXAMPLE, converted: false });
  });

  it('converts a 15-digit ID by inserting 19 and computing the check character', () => {
    expect(convert15To18('110105491231002')).toBe(STANDARD_EXAMPLE);
    expect(normalizeCitizenId('110105491231002')).toEqual({ ok: true, id: STANDARD_EXAMPLE, converted: true });
  });

  it('gives back the 15-digit form of an ID born in the 1900s, and none for a later one', () => {
    expect(toFifteenDigitId(STANDARD_EXAMPLE)).toBe('110105491231002');
    expect(convert15To18(toFifteenDigitId(STANDARD_EXAMPLE)!)).toBe(STANDARD_EXAMPLE);
    const born2003 = '11010520030101001';
    expect(toFifteenDigitId(born2003 + checkCharacter(born2003))).toBeNull();
  });

  it.each([
    ['', 'EMPTY'],
    ['1101051949123100', 'WRONG_LENGTH'],
    ['11010519491231002A', 'NOT_DIGITS'],
    ['110105194913310021', 'BAD_BIRTH_DATE'],
    ['110105194902300021', 'BAD_BIRTH_DATE'],
    ['110105491331002', 'BAD_BIRTH_DATE'],
    ['110105194912310021', 'BAD_CHECK_DIGIT'],
  ])('rejects %p as %s', (raw, problem) => {
    expect(normalizeCitizenId(raw)).toMatchObject({ ok: false, problem });
  });
});

describe('isValidCitizenId', () => {
  it('is true only for canonical 18-character IDs', () => {
    expect(isValidCitizenId(STANDARD_EXAMPLE)).toBe(true);
    expect(isValidCitizenId(STANDARD_EXAMPLE.toLowerCase())).toBe(false);
    expect(isValidCitizenId('110105491231002')).toBe(false);
  });
});

describe('citizenIdFacts', () => {
  it('reads birth date, sex and region', () => {
    expect(citizenIdFacts(STANDARD_EXAMPLE)).toEqual({ regionCode: '110105', birthDate: '1949-12-31', gender: 'FEMALE' });
    const male = `31011519850312451`;
    expect(citizenIdFacts(male + checkCharacter(male)).gender).toBe('MALE');
  });
});

describe('maskCitizenId', () => {
  it('keeps region and last four', () => {
    expect(maskCitizenId(STANDARD_EXAMPLE)).toBe('110105********002X');
    expect(maskCitizenId('110105491231002')).toBe('110105*****1002');
  });

  it('keeps only the last four of a shorter identifier, and is idempotent', () => {
    expect(maskCitizenId('E27862698')).toBe('*****2698');
    expect(maskCitizenId(maskCitizenId(STANDARD_EXAMPLE))).toBe(maskCitizenId(STANDARD_EXAMPLE));
  });
});

describe('citizenIdsOneTypoAway', () => {
  it('finds the original among the valid IDs one character from a typo', () => {
    const typo = `${STANDARD_EXAMPLE.slice(0, 10)}3${STANDARD_EXAMPLE.slice(11)}`;
    expect(normalizeCitizenId(typo).ok).toBe(false);
    const candidates = citizenIdsOneTypoAway(typo);
    expect(candidates).toContain(STANDARD_EXAMPLE);
    for (const candidate of candidates) expect(isValidCitizenId(candidate)).toBe(true);
  });

  it('returns nothing for malformed input', () => {
    expect(citizenIdsOneTypoAway('123')).toEqual([]);
  });
});
