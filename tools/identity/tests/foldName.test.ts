import { compareNames, foldName, isNameVariant } from '../src';

describe('compareNames', () => {
  it.each([
    ['张伟', '张伟', 'EXACT'],
    [' 张 伟 ', '张伟', 'EXACT'],
    ['阿依古丽·买买提', '阿依古丽买买提', 'EXACT'],
    ['張偉', '张伟', 'SCRIPT_VARIANT'],
    ['張伟', '张伟', 'SCRIPT_VARIANT'],
    ['陳麗華', '陈丽华', 'SCRIPT_VARIANT'],
    ['张小伟', '张伟', 'SURNAME_ONLY'],
    ['王伟', '张伟', 'DIFFERENT'],
    ['Zhang Wei', '张伟', 'DIFFERENT'],
    [null, '张伟', 'MISSING'],
    ['\u3000', '张伟', 'MISSING'],
  ] as const)('%s against %s: %s', (onRecord, registered, agreement) => {
    expect(compareNames(onRecord, registered)).toBe(agreement);
  });
});

describe('isNameVariant', () => {
  it('flags a name keyed in traditional characters and nothing else', () => {
    expect(isNameVariant('黃偉', '黄伟')).toBe(true);
    expect(isNameVariant('黄伟', '黄伟')).toBe(false);
    expect(isNameVariant('黄强', '黄伟')).toBe(false);
    expect(isNameVariant(null, '黄伟')).toBe(false);
  });
});

describe('foldName', () => {
  it('folds full-width letters and traditional characters', () => {
    expect(foldName('ＡＢ·張')).toBe('AB张');
  });
});
