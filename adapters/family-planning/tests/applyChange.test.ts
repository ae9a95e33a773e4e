import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { StandInFault } from '@resident-graph/adapter-kit';
import { todayInShanghai, type ReportedChange } from '@resident-graph/schemas';
import { citizenId } from '@resident-graph/test-kit';
import { createFamilyPlanningAdapter, type FamilyPlanningAdapter } from '../src';
import { startStandIn, writeStandInData, type StandInServer } from '../src/stand-in';
import { familyPlanningPopulation, storedIdOf } from './fixtures/familyPlanningPopulation';

const { population, people } = familyPlanningPopulation();
let dataDir: string;
let standIn: StandInServer;
let adapter: FamilyPlanningAdapter;

async function start(): Promise<void> {
  standIn = await startStandIn({ dataDir, port: 0 });
  adapter = createFamilyPlanningAdapter({ baseUrl: standIn.url, retries: 0 });
  await adapter.refreshIndex();
}

async function stop(): Promise<void> {
  await adapter.close();
  await standIn.close();
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'family-planning-changes-'));
  await writeStandInData(population, dataDir);
  await start();
});
afterAll(async () => {
  await stop();
  await rm(dataDir, { recursive: true, force: true });
});
afterEach(() => setFault({ kind: 'none' }));

async function setFault(fault: StandInFault): Promise<void> {
  await fetch(`${standIn.url}/__control/fault`, { method: 'PUT', body: JSON.stringify(fault) });
}

/** The service's own answer on a stored ID, as GBK XML. */
async function storedRecordXml(storedId: string): Promise<string> {
  const body = `<?xml version="1.0" encoding="GBK"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><j:QueryPersons xmlns:j="http://jsxx.wjw.gov.cn/"><SFZH>${storedId}</SFZH></j:QueryPersons></s:Body></s:Envelope>`;
  const response = await fetch(`${standIn.url}/services/JsxxService`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=GBK' },
    body: iconv.encode(body, 'gbk'),
  });
  return iconv.decode(Buffer.from(await response.arrayBuffer()), 'gbk');
}

const record = async (id: string) => (await adapter.lookup([id])).get(id)!.record;
/** The service's business date: Shanghai's. */
const today = todayInShanghai();
let keys = 0;
const newKey = () => `delivery-${++keys}`;

const birth = (motherId: string, childName: string, facts: Partial<ReportedChange['birth']> = {}, occurredOn = '2026-11-20'): ReportedChange => ({
  kind: 'BIRTH',
  residentId: null,
  occurredOn,
  birth: { motherId, childName, childGender: 'FEMALE', ...facts },
});

describe('BIRTH is a 生育登记 on the parents’ records', () => {
  const firstKey = 'delivery-birth-1';

  it('adds the child and a numbered registration to the mother’s and the father’s records, once per key', async () => {
    const report = birth(people.mother.id, '李欣然', { fatherId: people.father.id });
    await expect(adapter.checkChange(report)).resolves.toBeNull();
    await expect(adapter.applyChange(report, firstKey)).resolves.toEqual({ outcome: 'ACCEPTED' });
    await expect(adapter.applyChange(report, firstKey)).resolves.toEqual({ outcome: 'ACCEPTED' });

    const child = { id: null, name: '李欣然', gender: 'FEMALE', birthDate: '2026-11-20' };
    const registration = { registrationNumber: `SY310115-${today.slice(0, 4)}-00001`, registeredOn: today, childOrder: 3 };
    for (const parent of [people.mother, people.father]) {
      const held = await record(parent.id);
      expect(held?.children).toEqual([...parent.familyPlanning!.children, child]);
      expect(held?.birthRegistrations).toEqual([...parent.familyPlanning!.birthRegistrations, registration]);
    }
    expect((await storedRecordXml(people.mother.id)).match(/<XM>李欣然<\/XM>/g)).toHaveLength(1);
    await expect(adapter.checkChange(report)).resolves.toBe("李欣然, born 2026-11-20, is already registered on the mother's record");
  });

  it('reaches a mother held under another form of her ID', async () => {
    await expect(adapter.applyChange(birth(people.formatted.id, '孙小雨'), newKey())).resolves.toEqual({ outcome: 'ACCEPTED' });
    expect((await record(people.formatted.id))?.children).toEqual([{ id: null, name: '孙小雨', gender: 'FEMALE', birthDate: '2026-11-20' }]);
    expect(await storedRecordXml(storedIdOf(people.formatted))).toContain('<XM>孙小雨</XM>');
  });

  it('refuses a birth whose mother the service holds no record of, and answers the refusal again for its key', async () => {
    const stranger = citizenId('19970202', 46);
    const report = birth(stranger, '无名');
    const refusal = { outcome: 'REJECTED', reason: `无该育龄妇女档案：${stranger}（生育登记须先有母亲档案）` };
    await expect(adapter.checkChange(report)).resolves.toMatch(/holds no record of the mother/);
    const key = newKey();
    await expect(adapter.applyChange(report, key)).resolves.toEqual(refusal);
    await expect(adapter.applyChange(report, key)).resolves.toEqual(refusal);
  });

  it('refuses a birth dated before the mother was born', async () => {
    await expect(adapter.applyChange(birth(people.mother.id, '李早', {}, '1990-01-01'), newKey())).resolves.toEqual({
      outcome: 'REJECTED',
      reason: '出生日期 19900101 早于母亲出生日期 19920315',
    });
  });
});

describe('moving and marrying', () => {
  const newcomer = citizenId('19980808', 62);

  it('opens a record for a woman who moves in, on which a birth can then be registered', async () => {
    const moveIn: ReportedChange = { kind: 'MOVE_IN', residentId: newcomer, occurredOn: '2026-11-01', move: { gridId: 'G01', address: '潍坊路100弄3号' } };
    await expect(adapter.applyChange(moveIn, newKey())).resolves.toEqual({ outcome: 'ACCEPTED' });
    expect(await record(newcomer)).toMatchObject({ nameOnRecord: '', childBearingAge: true, children: [] });
    expect(await storedRecordXml(newcomer)).toContain('<LDRK><LRRQ>20261101</LRRQ><XJZD>潍坊路100弄3号</XJZD></LDRK>');
    await expect(adapter.applyChange(birth(newcomer, '周晨'), newKey())).resolves.toEqual({ outcome: 'ACCEPTED' });
    expect((await record(newcomer))?.children).toHaveLength(1);
  });

  it('marks a record transferred when its person moves away', async () => {
    const moveOut: ReportedChange = { kind: 'MOVE_OUT', residentId: people.mother.id, occurredOn: '2026-11-25', moveOut: { toAddress: '浙江省杭州市' } };
    await expect(adapter.applyChange(moveOut, newKey())).resolves.toEqual({ outcome: 'ACCEPTED' });
    expect(await storedRecordXml(people.mother.id)).toContain('<LDRK><LCRQ>20261125</LCRQ><QWD>浙江省杭州市</QWD></LDRK>');
  });

  it('opens the couple record: both held records name the spouse, and the wife gets a record', async () => {
    const [groom, bride] = [citizenId('19930303', 17), citizenId('19950505', 28)];
    const marriage: ReportedChange = { kind: 'MARRIAGE', residentId: groom, occurredOn: '2026-10-01', spouse: { spouseId: bride } };
    await expect(adapter.applyChange(marriage, newKey())).resolves.toEqual({ outcome: 'ACCEPTED' });
    expect(await record(groom)).toBeNull();
    expect(await record(bride)).toMatchObject({ childBearingAge: true });
    expect(await storedRecordXml(bride)).toContain(`<PO><SFZH>${groom}</SFZH><JHRQ>20261001</JHRQ></PO>`);
  });

  it('refuses a change without what its kind needs, which no retry would supply', async () => {
    const incomplete: ReportedChange = { kind: 'BIRTH', residentId: null, occurredOn: '2026-11-20' };
    await expect(adapter.applyChange(incomplete, newKey())).resolves.toEqual({ outcome: 'REJECTED', reason: 'BIRTH without its birth' });
    const nobody: ReportedChange = { kind: 'MOVE_OUT', residentId: null, occurredOn: '2026-11-20', moveOut: { toAddress: '浙江省杭州市' } };
    await expect(adapter.applyChange(nobody, newKey())).resolves.toEqual({ outcome: 'REJECTED', reason: 'MOVE_OUT names no resident' });
  });

  it('refuses, without asking the service, a kind family planning does not act on', async () => {
    const death: ReportedChange = { kind: 'DEATH', residentId: people.mother.id, occurredOn: '2026-11-20' };
    await expect(adapter.applyChange(death, newKey())).resolves.toEqual({ outcome: 'REJECTED', reason: 'family planning does not act on DEATH' });
  });
});

describe('durability and failures', () => {
  it('keeps what it applied across a restart, a torn last journal line dropped, and answers a repeated key without applying it again', async () => {
    await stop();
    await appendFile(path.join(dataDir, 'family-planning', 'jsxx-events.jsonl'), '{"event":{"YWBH":"torn"');
    await start();
    await expect(adapter.applyChange(birth(people.mother.id, '李欣然', { fatherId: people.father.id }), 'delivery-birth-1')).resolves.toEqual({
      outcome: 'ACCEPTED',
    });
    expect((await record(people.mother.id))?.children.map((child) => child.name)).toEqual(['李浩然', '李安琪', '李欣然']);
    const journal = await readFile(path.join(dataDir, 'family-planning', 'jsxx-events.jsonl'), 'utf8');
    expect(journal.split('\n').filter((line) => line.includes('"delivery-birth-1"'))).toHaveLength(1);
    expect(journal).not.toContain('torn');
  });

  it('keeps its journal where it is told, so another run over the same data starts clean', async () => {
    const stateDir = await mkdtemp(path.join(tmpdir(), 'family-planning-state-'));
    const other = await startStandIn({ dataDir, port: 0, stateDir });
    const otherAdapter = createFamilyPlanningAdapter({ baseUrl: other.url, retries: 0 });
    try {
      const children = async () => (await otherAdapter.lookup([people.mother.id])).get(people.mother.id)!.record?.children.map((child) => child.name);
      await expect(children()).resolves.toEqual(['李浩然', '李安琪']);
      await expect(otherAdapter.applyChange(birth(people.mother.id, '李新'), 'delivery-other-run')).resolves.toEqual({ outcome: 'ACCEPTED' });
      await expect(children()).resolves.toEqual(['李浩然', '李安琪', '李新']);
      expect(await readFile(path.join(stateDir, 'jsxx-events.jsonl'), 'utf8')).toContain('"delivery-other-run"');
      expect(await readFile(path.join(dataDir, 'family-planning', 'jsxx-events.jsonl'), 'utf8')).not.toContain('"delivery-other-run"');
    } finally {
      await otherAdapter.close();
      await other.close();
      await rm(stateDir, { recursive: true, force: true });
    }
  });

  it('is DEPARTMENT_UNAVAILABLE when the service is down, applying nothing', async () => {
    await setFault({ kind: 'unavailable' });
    await expect(adapter.applyChange(birth(people.mother.id, '李停'), newKey())).rejects.toMatchObject({
      code: 'DEPARTMENT_UNAVAILABLE',
      department: 'family-planning',
    });
    await setFault({ kind: 'none' });
    expect((await record(people.mother.id))?.children.map((child) => child.name)).not.toContain('李停');
  });

  it('is DEPARTMENT_BAD_RESPONSE when the answer is not SOAP', async () => {
    await setFault({ kind: 'malformed' });
    await expect(adapter.applyChange(birth(people.mother.id, '李坏'), newKey())).rejects.toMatchObject({ code: 'DEPARTMENT_BAD_RESPONSE' });
  });
});
