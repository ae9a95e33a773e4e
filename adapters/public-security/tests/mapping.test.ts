import { setupServer } from 'msw/node';
import { DepartmentError } from '@resident-graph/adapter-kit';
import { createPublicSecurityAdapter } from '../src';
import { toIsoDate } from '../src/toCanonical';
import { BASE_URL, mockSystem } from './fixtures/mockSystem';
import { citizenId, fifteenDigitFormOf, fullWidthFormOf, typoOf } from './fixtures/population';
import { rawPerson } from './fixtures/rawPerson';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const adapterFor = (data: Parameters<typeof mockSystem>[0]) => {
  server.use(...mockSystem(data).handlers);
  return createPublicSecurityAdapter({ baseUrl: BASE_URL, retries: 0 });
};

describe('mapping a person', () => {
  it('maps a household-registered resident onto the canonical record', async () => {
    const raw = rawPerson();
    const adapter = adapterFor({ persons: [raw] });
    const found = await adapter.lookup([raw.GMSFHM]);
    expect(found.get(raw.GMSFHM)).toEqual({
      record: {
        id: raw.GMSFHM,
        name: '周建国',
        gender: 'MALE',
        birthDate: '1972-04-09',
        ethnicityCode: '01',
        maritalStatus: 'MARRIED',
        householdId: '310115000201',
        relationToHead: 'HEAD',
        registeredAddress: '上海市浦东新区崮山路3号',
        populationType: 'PERMANENT',
        residencePermit: null,
        recordReference: 'RY0000000001',
        registrationStatus: 'REGISTERED',
        deregisteredOn: null,
      },
      issues: [],
    });
  });

  it('maps the floating population with their residence permit and no household', async () => {
    const raw = rawPerson({ XB: '2', HYZK: '40', HH: '', YHZGX: '', RKLX: '2', JZZ: { JZZBH: 'JZZ0001', QFRQ: '20240301', YXQZ: '20270228' } });
    const adapter = adapterFor({ persons: [raw] });
    const record = (await adapter.lookup([raw.GMSFHM])).get(raw.GMSFHM)?.record;
    expect(record).toMatchObject({
      gender: 'FEMALE',
      maritalStatus: 'DIVORCED',
      householdId: null,
      relationToHead: null,
      populationType: 'FLOATING',
      residencePermit: { number: 'JZZ0001', issuedOn: '2024-03-01', expiresOn: '2027-02-28' },
    });
  });

  it('folds numbered relations (21 eldest son) into their family', async () => {
    const raw = rawPerson({ YHZGX: '21' });
    const adapter = adapterFor({ persons: [raw] });
    expect((await adapter.lookup([raw.GMSFHM])).get(raw.GMSFHM)?.record?.relationToHead).toBe('SON');
  });

  it('answers every ID asked, with no record for a person the system does not know', async () => {
    const known = rawPerson();
    const unknown = citizenId('2001-02-03', 77);
    const adapter = adapterFor({ persons: [known] });
    const found = await adapter.lookup([known.GMSFHM, unknown]);
    expect([...found.keys()].sort()).toEqual([known.GMSFHM, unknown].sort());
    expect(found.get(unknown)).toEqual({ record: null, issues: [] });
  });
});

describe('citizen IDs as stored', () => {
  it('matches a 15-digit ID and reports it', async () => {
    const id = citizenId('1958-07-01', 15);
    const raw = rawPerson({ GMSFHM: fifteenDigitFormOf(id), RYBH: 'RY0000000015' });
    const adapter = adapterFor({ persons: [raw] });
    const found = (await adapter.lookup([id])).get(id);
    expect(found?.record?.id).toBe(id);
    expect(found?.issues).toEqual([
      { department: 'public-security', kind: 'LEGACY_15_DIGIT_ID', storedId: raw.GMSFHM, recordReference: 'RY0000000015', nameOnRecord: raw.XM },
    ]);
  });

  it('matches full-width digits, white space and a lower-case x silently', async () => {
    const id = citizenId('1985-10-10', 19);
    const adapter = adapterFor({ persons: [rawPerson({ GMSFHM: fullWidthFormOf(id) })] });
    expect((await adapter.lookup([id])).get(id)).toMatchObject({ record: { id }, issues: [] });
  });

  it('reports a record whose ID fails the check on the resident it may belong to, without merging it', async () => {
    const id = citizenId('1980-06-15', 51);
    const stray = rawPerson({ GMSFHM: typoOf(id), XM: '刘洋', RYBH: 'RY0000000051' });
    const adapter = adapterFor({ invalidIdPersons: [stray] });
    expect((await adapter.lookup([id])).get(id)).toEqual({
      record: null,
      issues: [{ department: 'public-security', kind: 'INVALID_CITIZEN_ID', storedId: stray.GMSFHM, recordReference: 'RY0000000051', nameOnRecord: '刘洋' }],
    });
  });
});

describe('codes the model does not know', () => {
  it.each([
    ['sex', { XB: '5' }],
    ['ethnicity', { MZ: '77' }],
    ['marital status', { HYZK: '11' }],
    ['relation to head', { YHZGX: '88' }],
    ['population type', { RKLX: '3' }],
    ['birth date', { CSRQ: '19720230' }],
    ['permit date', { JZZ: { JZZBH: 'J1', QFRQ: '2024-03-01', YXQZ: '20270228' } }],
  ])('refuses an unknown %s as a bad response', async (_what, overrides) => {
    const raw = rawPerson(overrides);
    const adapter = adapterFor({ persons: [raw] });
    await expect(adapter.lookup([raw.GMSFHM])).rejects.toMatchObject({ code: 'DEPARTMENT_BAD_RESPONSE' });
    await expect(adapter.lookup([raw.GMSFHM])).rejects.toBeInstanceOf(DepartmentError);
  });
});

describe('dates as the registry stores them (YYYYMMDD)', () => {
  it.each([
    ['20240229', '2024-02-29'],
    ['19000101', '1900-01-01'],
    ['00990315', '0099-03-15'],
  ])('reads %s as %s', (stored, iso) => {
    expect(toIsoDate(stored, 'R1')).toBe(iso);
  });

  it.each(['20230229', '19001301', '19000100', '19000431', '1900-01-01', '190001011', ''])('refuses %p as a bad response naming the record', (stored) => {
    expect(() => toIsoDate(stored, 'R1')).toThrow(expect.objectContaining({ code: 'DEPARTMENT_BAD_RESPONSE', message: expect.stringContaining('record R1') }));
  });
});

describe('households', () => {
  it('maps a household with its members keyed by canonical ID, leaving out members whose ID fails the check', async () => {
    const head = citizenId('1958-07-01', 15);
    const daughter = citizenId('1986-02-14', 26);
    const adapter = adapterFor({
      households: [
        {
          HH: '310115000301',
          HJDZ: '上海市浦东新区崮山路9号',
          CY: [
            { GMSFHM: fifteenDigitFormOf(head), YHZGX: '02' },
            { GMSFHM: daughter, YHZGX: '31' },
            { GMSFHM: typoOf(daughter), YHZGX: '99' },
          ],
        },
      ],
    });
    const found = await adapter.lookupHouseholds(['310115000301', '310115009999']);
    expect(found.get('310115009999')).toBeNull();
    expect(found.get('310115000301')).toEqual({
      id: '310115000301',
      registeredAddress: '上海市浦东新区崮山路9号',
      members: [
        { citizenId: head, relationToHead: 'HEAD' },
        { citizenId: daughter, relationToHead: 'DAUGHTER' },
      ],
    });
  });
});
