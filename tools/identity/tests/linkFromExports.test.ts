import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toFifteenDigitId } from '@resident-graph/schemas';
import { citizenId } from '@resident-graph/test-kit';
import { linkFromExports } from '../src/batch/linkFromExports';
import { readCivilAffairsRecords } from '../src/batch/readExports';
import { watchExports } from '../src/batch/watchExports';
import iconv from 'iconv-lite';

import { useTestLinkStore } from './fixtures/testLinkStore';

const linkStore = useTestLinkStore();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'identity-exports-'));

const husband = citizenId('19550304', 111);
const wife = citizenId('19580911', 222);
const jsonLines = (rows: object[]) => rows.map((row) => `${JSON.stringify(row)}\n`).join('');
const mistyped = (id: string) => `${id.slice(0, 14)}${(Number(id[14]) + 1) % 10}${id.slice(15)}`;

beforeAll(async () => {
  mkdirSync(path.join(dataDir, 'public-security'));
  mkdirSync(path.join(dataDir, 'civil-affairs'));
  writeFileSync(
    path.join(dataDir, 'public-security', 'rkxx.jsonl'),
    jsonLines([
      { GMSFHM: husband, XM: '陈建国', XB: '1', CSRQ: '19550304', HH: '100000001', HJDZ: '上海市浦东新区北艾路71弄1号101室' },
      { GMSFHM: wife, XM: '林秀英', XB: '2', CSRQ: '19580911', HH: '100000001', HJDZ: '上海市浦东新区北艾路71弄1号101室' },
    ]),
  );
  for (const table of ['jzcy', 'cjrz', 'gljt']) writeFileSync(path.join(dataDir, 'civil-affairs', `${table}.jsonl`), '');
  writeFileSync(path.join(dataDir, 'civil-affairs', 'yfdx.jsonl'), jsonLines([{ yfzh: 'YF1', sfzh: toFifteenDigitId(husband), xm: '陈建国' }]));
  writeFileSync(
    path.join(dataDir, 'civil-affairs', 'hydj.jsonl'),
    jsonLines([
      { djzh: 'J1', nfsfzh: toFifteenDigitId(husband), nfxm: '陈建国', nvsfzh: mistyped(wife), nvxm: '林秀英' },
      { djzh: 'J2', nfsfzh: null, nfxm: '王某', nvsfzh: wife, nvxm: '林秀英' },
    ]),
  );
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

it('reads each person a civil-affairs row names once, both parties of a marriage, none without an ID', async () => {
  const records = await readCivilAffairsRecords(dataDir);
  expect(records.map((record) => [record.storedId, record.recordReference])).toEqual([
    [toFifteenDigitId(husband), 'YF1'],
    [mistyped(wife), 'J1'],
    [wife, 'J2'],
  ]);
});

it('links the 15-digit and the mistyped record to the register’s residents in one batch run', async () => {
  const progress = await linkFromExports({ dataDir, department: 'civil-affairs', store: linkStore.store() });
  expect(progress).toMatchObject({ read: 3, resolvedAsStored: 1, matched: 2, linked: 2 });
  expect((await linkStore.store().residentLinksOf('civil-affairs', [husband, wife])).linked.map((link) => [link.residentId, link.storedId])).toEqual([
    [wife, mistyped(wife)],
    [husband, toFifteenDigitId(husband)],
  ]);
});

it('reads the family-planning export in GBK and keeps a name keyed in traditional characters as a variant of the register’s', async () => {
  mkdirSync(path.join(dataDir, 'family-planning'));
  const xml = `<?xml version="1.0" encoding="GBK"?>
<JSXX>
  <Person><GRBH>JS1</GRBH><SFZH>${wife}</SFZH><XM>林秀英</XM><Child><SFZH>${husband}</SFZH><XM>陳建國</XM></Child></Person>
  <Person><GRBH>JS2</GRBH><SFZH>${husband}</SFZH><XM>陳建國</XM></Person>
</JSXX>`;
  writeFileSync(path.join(dataDir, 'family-planning', 'jsxx-persons.xml'), iconv.encode(xml, 'GBK'));
  const progress = await linkFromExports({ dataDir, department: 'family-planning', store: linkStore.store() });
  expect(progress).toMatchObject({ read: 2, resolvedAsStored: 2, matched: 0, nameVariants: 1 });
  expect((await linkStore.store().residentLinksOf('family-planning', [husband, wife])).nameVariants).toEqual([
    { department: 'family-planning', storedId: husband, residentId: husband, recordReference: 'JS2', nameOnRecord: '陳建國', registeredName: '陈建国' },
  ]);
});

it('reads the newest labour export in GBK, one record per stored ID, and links a card stored under a mistyped ID', async () => {
  mkdirSync(path.join(dataDir, 'labour', 'export'), { recursive: true });
  const header = '社保卡号,公民身份号码,姓名,险种代码,累计缴费月数,参保状态';
  writeFileSync(path.join(dataDir, 'labour', 'export', 'shebao_20240101.csv'), iconv.encode(`${header}\nOLD1,${husband},陈建国,110,12,1\n`, 'gbk'));
  const rows = [header, `SB1,${mistyped(wife)},林秀英,110,120,1`, `SB1,${mistyped(wife)},林秀英,310,120,1`, `SB2,${husband},陈建国,,,`, `SB3,,无号,110,1,1`];
  writeFileSync(path.join(dataDir, 'labour', 'export', 'shebao_20240102.csv'), iconv.encode(`${rows.join('\n')}\n`, 'gbk'));
  const progress = await linkFromExports({ dataDir, department: 'labour', store: linkStore.store() });
  expect(progress).toMatchObject({ read: 2, resolvedAsStored: 1, matched: 1, linked: 1 });
  expect((await linkStore.store().residentLinksOf('labour', [wife])).linked.map((link) => [link.storedId, link.recordReference])).toEqual([
    [mistyped(wife), 'SB1'],
  ]);
});

it('matches a department again when its export changes, and only that department', async () => {
  const runs: string[] = [];
  const errors: unknown[] = [];
  const watch = await watchExports({
    dataDir,
    intervalMs: 50,
    relink: async (department) => {
      await linkFromExports({ dataDir, department, store: linkStore.store() });
    },
    onRun: (department) => runs.push(department),
    onError: (error) => errors.push(error),
  });
  try {
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(runs).toEqual([]);
    const header = '社保卡号,公民身份号码,姓名,险种代码,累计缴费月数,参保状态';
    const rows = [header, `SB1,${mistyped(wife)},林秀英,110,121,1`, `SB4,${mistyped(husband)},陈建国,110,3,1`];
    writeFileSync(path.join(dataDir, 'labour', 'export', 'shebao_20240103.csv'), iconv.encode(`${rows.join('\n')}\n`, 'gbk'));
    const deadline = Date.now() + 5000;
    while (!runs.includes('labour') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    await new Promise((resolve) => setTimeout(resolve, 200));
  } finally {
    await watch.stop();
  }
  expect(errors).toEqual([]);
  expect(runs).toEqual(['labour']);
  expect((await linkStore.store().residentLinksOf('labour', [husband])).linked.map((link) => [link.storedId, link.recordReference])).toEqual([
    [mistyped(husband), 'SB4'],
  ]);
});

it('names the file and line of a row it cannot read', async () => {
  writeFileSync(
    path.join(dataDir, 'public-security', 'rkxx.jsonl'),
    jsonLines([{ GMSFHM: husband, XM: '陈建国', XB: '3', CSRQ: '19550304', HH: '', HJDZ: '' }]),
  );
  await expect(linkFromExports({ dataDir, department: 'civil-affairs', store: linkStore.store() })).rejects.toThrow(/rkxx\.jsonl:1/);
});
