import { conditionOf, factOf, newRow, toCsv } from '../src/views/analyst/question';
import { describeIssue, formatDate } from '../src/labels';

describe('the question builder', () => {
  it('joins three departments’ facts by all, one negated, as the contract’s condition tree', () => {
    const rows = [newRow(1, 'employmentStatus'), { ...newRow(2, 'receivesMinimumLivingAllowance'), not: true }, newRow(3, 'hasChildUnder')];
    expect(conditionOf(rows, 'all')).toEqual({
      all: [{ fact: { employmentStatus: 'LAID_OFF' } }, { not: { fact: { receivesMinimumLivingAllowance: true } } }, { fact: { hasChildUnder: 3 } }],
    });
    expect(conditionOf(rows, 'any')).toMatchObject({ any: expect.any(Array) });
  });

  it('asks one fact without a join, and nothing when there is none', () => {
    expect(conditionOf([newRow(1, 'disabled')], 'all')).toEqual({ fact: { disabled: true } });
    expect(conditionOf([], 'all')).toBeNull();
  });

  it('builds an age range from either bound, and refuses one without any or with words', () => {
    expect(factOf({ id: 1, not: false, kind: 'age', atLeast: '60', below: '' })).toEqual({ age: { atLeast: 60 } });
    expect(factOf({ id: 1, not: false, kind: 'age', atLeast: '', below: '18' })).toEqual({ age: { below: 18 } });
    expect(factOf({ id: 1, not: false, kind: 'age', atLeast: '', below: '' })).toBe('年龄至少填一个界限');
    expect(factOf({ id: 1, not: false, kind: 'age', atLeast: 'sixty', below: '' })).toBe('年龄须为整数');
    expect(conditionOf([newRow(1, 'gender'), { id: 2, not: false, kind: 'hasChildUnder', years: '0' }], 'all')).toBe('子女年龄须为正整数');
  });

  it('writes CSV with a BOM, a header per dimension, suppressed cells empty and flagged, and the total', () => {
    const csv = toCsv(
      {
        threshold: 10,
        perturbationBound: 2,
        total: { count: 120, suppressed: false, group: [] },
        cells: [
          { count: 110, suppressed: false, group: [{ dimension: 'GRID', value: 'G001' }] },
          { count: null, suppressed: true, group: [{ dimension: 'GRID', value: 'G002' }] },
        ],
      },
      ['GRID'],
      { GRID: '网格', COMMUNITY: '社区', GENDER: '性别', AGE_BAND: '年龄段', POPULATION_TYPE: '人口类型' },
    );
    expect(csv).toBe('\uFEFF网格,人数 count,已抑制 suppressed\nG001,110,no\nG002,,yes\n合计 total,120,no\n');
  });
});

describe('labels', () => {
  it('says a data-quality issue in plain words, Chinese and English', () => {
    const text = describeIssue({
      department: 'CIVIL_AFFAIRS',
      kind: 'LEGACY_15_DIGIT_ID',
      storedId: '310115*****5331',
      recordReference: 'J1',
      nameOnRecord: null,
    });
    expect(text.zh).toBe('民政部门仍以旧的15位身份证号 310115*****5331 登记此人，记录编号 J1。');
    expect(text.en).toBe('civil affairs holds this person under an old 15-digit ID (record J1).');
    expect(describeIssue({ department: 'LABOUR', kind: 'INVALID_CITIZEN_ID', storedId: 'x', recordReference: 'L9', nameOnRecord: '张三' }).zh).toContain(
      '校验位不正确',
    );
  });

  it('writes dates as staff do', () => {
    expect(formatDate('1985-03-07')).toBe('1985年03月07日');
    expect(formatDate(null)).toBe('—');
  });
});
