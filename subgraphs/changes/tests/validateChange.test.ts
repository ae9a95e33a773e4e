import { validateChange } from '../src/validateChange';
import { changeLimitsSchema } from '../src';

const TODAY = '2026-12-07';

describe('validateChange', () => {
  it('keeps exactly the member the kind needs, as plain data, and a resident as given', () => {
    expect(validateChange({ kind: 'MOVE_OUT', residentId: 'R1', occurredOn: TODAY, moveOut: { toAddress: '北京' } }, TODAY)).toEqual({
      kind: 'MOVE_OUT',
      residentId: 'R1',
      occurredOn: TODAY,
      moveOut: { toAddress: '北京' },
    });
    expect(validateChange({ kind: 'DEATH', residentId: 'R1', occurredOn: TODAY }, TODAY)).toEqual({ kind: 'DEATH', residentId: 'R1', occurredOn: TODAY });
  });

  it.each([
    [{ kind: 'MOVE_IN', residentId: 'R1', occurredOn: TODAY, move: { gridId: 'G01', address: ' ' } }, 'move needs a grid and an address'],
    [{ kind: 'MOVE_OUT', residentId: 'R1', occurredOn: TODAY, moveOut: { toAddress: '' } }, 'moveOut needs the address moved to'],
    [
      { kind: 'BIRTH', occurredOn: TODAY, birth: { motherId: 'M', fatherId: 'M', childName: '小明', childGender: 'MALE' } },
      'the mother and the father are one person',
    ],
    [{ kind: 'BIRTH', occurredOn: TODAY, birth: { motherId: 'M', childName: ' ', childGender: 'MALE' } }, "birth needs the child's name"],
    [{ kind: 'MARRIAGE', residentId: 'R1', occurredOn: TODAY, spouse: { spouseId: 'R1' } }, 'MARRIAGE names the resident as their own spouse'],
    [{ kind: 'DEATH', residentId: 'R1', occurredOn: '2026-02-30' }, 'occurredOn 2026-02-30 is no such date'],
    [
      { kind: 'ADDRESS_CHANGE', residentId: 'R1', occurredOn: TODAY, move: { gridId: 'G01', address: '路\u0000号' } },
      'move.address contains a control character',
    ],
    [
      { kind: 'ADDRESS_CHANGE', residentId: 'R1', occurredOn: TODAY, move: { gridId: 'G01', address: '路\u202e号' } },
      'move.address contains a control character',
    ],
    [{ kind: 'MOVE_OUT', residentId: 'R1', occurredOn: TODAY, moveOut: { toAddress: '北京\n' } }, 'moveOut.toAddress contains a control character'],
    [
      { kind: 'BIRTH', occurredOn: TODAY, birth: { motherId: 'M', childName: '林'.repeat(201), childGender: 'FEMALE' } },
      'birth.childName is longer than 200 characters',
    ],
    [{ kind: 'DEATH', residentId: 'R1', occurredOn: '2026-12-08' }, 'occurredOn 2026-12-08 is in the future (today is 2026-12-07)'],
    [
      { kind: 'EMPLOYMENT_CHANGE', residentId: 'R1', occurredOn: TODAY, employment: { status: 'EMPLOYED' }, moveOut: { toAddress: 'x' } },
      'EMPLOYMENT_CHANGE takes employment, not moveOut',
    ],
  ] as const)('%j: %s', (input, message) => {
    expect(() => validateChange(input, TODAY)).toThrow(message);
  });
});

describe('CHANGE_LIMITS_JSON', () => {
  it('takes days for a department the table names for the kind, nothing else', () => {
    expect(changeLimitsSchema.parse('{"MARRIAGE": {"civil-affairs": 3}}')).toEqual({ MARRIAGE: { 'civil-affairs': 3 } });
    expect(changeLimitsSchema.parse(undefined)).toEqual({});
    expect(changeLimitsSchema.safeParse('{"MARRIAGE": {"labour": 3}}').error?.issues[0]?.message).toBe(
      'labour does not act on MARRIAGE (CHANGE_RULES): no limit to set',
    );
    expect(changeLimitsSchema.safeParse('{"MARRIAGE": {"civil-affairs": 0}}').success).toBe(false);
    expect(changeLimitsSchema.safeParse('{"WEDDING": {}}').success).toBe(false);
    expect(changeLimitsSchema.safeParse('not json').success).toBe(false);
  });
});
