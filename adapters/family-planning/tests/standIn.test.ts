import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { StandInFault } from '@resident-graph/adapter-kit';
import type { TruthResident } from '@resident-graph/schemas';
import { createFamilyPlanningAdapter, type FamilyPlanningAdapter } from '../src';
import { startStandIn, writeStandInData, type StandInServer } from '../src/stand-in';
import { familyPlanningPopulation, storedIdOf } from './fixtures/familyPlanningPopulation';

const { population, people } = familyPlanningPopulation();
const SERVICE = '/services/JsxxService';
let dataDir: string;
let standIn: StandInServer;
let adapter: FamilyPlanningAdapter;

const nameOnRecord = (person: TruthResident) =>
  person.imperfections.flatMap((imperfection) => (imperfection.kind === 'NAME_VARIANT' ? [imperfection.storedName] : []))[0] ?? person.name;

async function setFault(fault: StandInFault): Promise<void> {
  await fetch(`${standIn.url}/__control/fault`, { method: 'PUT', body: JSON.stringify(fault) });
}

async function soapCallCounts(): Promise<Record<string, number>> {
  return (await (await fetch(`${standIn.url}/__control/calls`)).json()) as Record<string, number>;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'family-planning-'));
  await writeStandInData(population, dataDir);
  standIn = await startStandIn({ dataDir, port: 0 });
  adapter = createFamilyPlanningAdapter({ baseUrl: standIn.url, retries: 0 });
  await adapter.refreshIndex();
});

afterAll(async () => {
  await adapter.close();
  await standIn.close();
  await rm(dataDir, { recursive: true, force: true });
});

afterEach(() => setFault({ kind: 'none' }));

describe('family-planning stand-in', () => {
  it('writes its records as GBK XML, keyed and named as the imperfections say', async () => {
    const bytes = await readFile(path.join(dataDir, 'family-planning', 'jsxx-persons.xml'));
    const xml = iconv.decode(bytes, 'gbk');
    expect(xml.startsWith('<?xml version="1.0" encoding="GBK"?>')).toBe(true);
    expect(bytes.includes(iconv.encode('張麗', 'gbk'))).toBe(true);
    expect(bytes.includes(Buffer.from('張麗', 'utf8'))).toBe(false);
    for (const person of Object.values(people)) {
      expect(xml.includes(`<SFZH>${storedIdOf(person)}</SFZH>`)).toBe(person.familyPlanning !== null);
    }
  });

  it('answers one lookup of everyone with what the truth holds, in one QueryPersons call', async () => {
    const ids = population.residents.map((resident) => resident.id);
    const before = { adapter: adapter.callsMade(), standIn: (await soapCallCounts()).QueryPersons ?? 0 };

    const answer = await adapter.lookup(ids);

    expect(adapter.callsMade() - before.adapter).toBe(1);
    expect((await soapCallCounts()).QueryPersons! - before.standIn).toBe(1);
    expect([...answer.keys()].sort()).toEqual([...ids].sort());
    for (const person of [people.mother, people.father, people.elder, people.formatted]) {
      expect(answer.get(person.id)?.record).toEqual({ ...person.familyPlanning, nameOnRecord: nameOnRecord(person) });
    }
    expect(answer.get(people.mother.id)?.record?.nameOnRecord).toBe('張麗');
    expect(answer.get(people.unknown.id)).toEqual({ record: null, issues: [] });
  });

  it('reports a 15-digit key as a legacy ID and a mistyped key as an invalid ID, never merged', async () => {
    const answer = await adapter.lookup([people.elder.id, people.mistyped.id]);

    expect(answer.get(people.elder.id)?.issues).toEqual([
      expect.objectContaining({ department: 'family-planning', kind: 'LEGACY_15_DIGIT_ID', storedId: storedIdOf(people.elder), nameOnRecord: '王秀英' }),
    ]);
    expect(answer.get(people.mistyped.id)?.record).toBeNull();
    expect(answer.get(people.mistyped.id)?.issues).toEqual([
      expect.objectContaining({ department: 'family-planning', kind: 'INVALID_CITIZEN_ID', storedId: storedIdOf(people.mistyped), nameOnRecord: '赵敏' }),
    ]);
    expect(answer.get(people.mistyped.id)?.issues[0]?.recordReference).toMatch(/^JS\d{10}$/);
  });

  it('serves its WSDL in GBK, naming every operation and where it runs', async () => {
    const response = await fetch(`${standIn.url}${SERVICE}?wsdl`);
    const wsdl = iconv.decode(Buffer.from(await response.arrayBuffer()), 'gbk');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/charset=GBK/i);
    expect(wsdl).toContain('soapAction="http://jsxx.wjw.gov.cn/QueryPersons"');
    expect(wsdl).toContain('soapAction="http://jsxx.wjw.gov.cn/ListPersonIds"');
    expect(wsdl).toContain('soapAction="http://jsxx.wjw.gov.cn/ListParentIdsByChildBirth"');
    expect(wsdl).toContain('<xsd:element name="ListParentIdsByChildBirth">');
    expect(wsdl).toContain('soapAction="http://jsxx.wjw.gov.cn/ReportEvent"');
    expect(wsdl).toContain(`location="${standIn.url}${SERVICE}"`);
    expect(wsdl).toContain('计划生育信息服务');
  });

  it.each([
    ['not XML', 'QueryPersons please'],
    [
      'an unknown operation',
      '<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><DeletePersons/></s:Body></s:Envelope>',
    ],
  ])('answers %s with a SOAP Client fault', async (_what, body) => {
    const response = await fetch(`${standIn.url}${SERVICE}`, { method: 'POST', headers: { 'content-type': 'text/xml; charset=GBK' }, body });
    const xml = iconv.decode(Buffer.from(await response.arrayBuffer()), 'gbk');

    expect(response.status).toBe(500);
    expect(xml).toMatch(/<soap:Fault><faultcode>soap:Client<\/faultcode><faultstring>[^<]+<\/faultstring><\/soap:Fault>/);
  });

  it.each([
    [{ kind: 'unavailable' } as StandInFault, 'DEPARTMENT_UNAVAILABLE'],
    [{ kind: 'malformed' } as StandInFault, 'DEPARTMENT_BAD_RESPONSE'],
    [{ kind: 'slow', delayMs: 400 } as StandInFault, 'DEPARTMENT_TIMEOUT'],
  ])('turns the fault %j into %s', async (fault, code) => {
    const impatient = createFamilyPlanningAdapter({ baseUrl: standIn.url, retries: 0, timeoutMs: 150 });
    try {
      await setFault(fault);
      await expect(impatient.lookup([people.mother.id])).rejects.toMatchObject({ code, department: 'family-planning' });
    } finally {
      await impatient.close();
    }
  });

  it('is healthy while it answers and unavailable when it does not', async () => {
    await expect(adapter.checkHealth()).resolves.toBeUndefined();
    await setFault({ kind: 'unavailable' });
    await expect(adapter.checkHealth()).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE' });
  });

  it.each([
    ['wrong-encoding', /not GBK|declared GBK but the bytes are UTF-8/],
    ['unknown-codes', /"7" is not a 0\/1 flag/],
  ] as const)('answers its real answer spoiled on %s, which the adapter refuses as DEPARTMENT_BAD_RESPONSE', async (kind, message) => {
    await setFault({ kind });
    const failure = adapter.lookup([people.mother.id]);
    await expect(failure).rejects.toMatchObject({ code: 'DEPARTMENT_BAD_RESPONSE', department: 'family-planning' });
    await expect(failure).rejects.toThrow(message);
  });

  describe('ListParentIdsByChildBirth', () => {
    it('lists the stored ID of each person with a child born in the window, both ends included, each once', async () => {
      await expect(adapter.parentIdsByChildBirth('2020-05-01', '2026-06-01').then((ids) => ids.sort())).resolves.toEqual(
        [storedIdOf(people.mother), storedIdOf(people.father)].sort(),
      );
      await expect(adapter.parentIdsByChildBirth('2026-06-01', '2026-06-30')).resolves.toHaveLength(2);
      await expect(adapter.parentIdsByChildBirth('1988-01-20', '1988-01-20')).resolves.toEqual([storedIdOf(people.elder)]);
      await expect(adapter.parentIdsByChildBirth('2020-05-02', '2026-05-31')).resolves.toEqual([]);
    });

    it('answers a date that is no date with a Client fault, which the adapter refuses as DEPARTMENT_BAD_RESPONSE', async () => {
      await expect(adapter.parentIdsByChildBirth('2026-02-30', '2026-06-30')).rejects.toMatchObject({
        code: 'DEPARTMENT_BAD_RESPONSE',
        department: 'family-planning',
      });
    });

    it('fails with DEPARTMENT_UNAVAILABLE when the service is down', async () => {
      await setFault({ kind: 'unavailable' });
      await expect(adapter.parentIdsByChildBirth('2020-01-01', '2026-06-30')).rejects.toMatchObject({
        code: 'DEPARTMENT_UNAVAILABLE',
        department: 'family-planning',
      });
      await expect(adapter.storedIds()).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', department: 'family-planning' });
    });

    it('lists every stored ID, the mistyped one as stored', async () => {
      const storedIds = await adapter.storedIds();
      expect(storedIds.sort()).toEqual(
        Object.values(people)
          .filter((person) => person.familyPlanning)
          .map(storedIdOf)
          .sort(),
      );
    });
  });
});
