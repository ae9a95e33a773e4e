import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StandInServer } from '@resident-graph/adapter-kit';
import { ETHNICITY_NAMES, storedIdentityOf, type TruthResident } from '@resident-graph/schemas';
import { createPublicSecurityAdapter } from '../src';
import { startStandIn, writeStandInData } from '../src/stand-in';
import { PATHS } from '../src/wireFormat';
import { samplePopulation } from './fixtures/population';

const population = samplePopulation();
let dataDir: string;
let standIn: StandInServer;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'public-security-'));
  await writeStandInData(population, dataDir);
  standIn = await startStandIn({ dataDir, port: 0 });
});
afterAll(async () => {
  await standIn.close();
  await rm(dataDir, { recursive: true, force: true });
});

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const imperfection = (resident: TruthResident, kind: string) => resident.imperfections.find((i) => i.kind === kind);
const ids = population.residents.map((resident) => resident.id);

describe('writeStandInData', () => {
  it('writes one line per person and per registered household, with stored IDs and names as the truth says', async () => {
    const persons = (await readFile(path.join(dataDir, 'public-security', 'rkxx.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const households = (await readFile(path.join(dataDir, 'public-security', 'hhxx.jsonl'), 'utf8')).trim().split('\n');
    expect(persons).toHaveLength(population.residents.length);
    expect(households).toHaveLength(new Set(population.residents.flatMap((r) => r.publicSecurity.householdId ?? [])).size);
    population.residents.forEach((resident, i) => {
      const storedId = imperfection(resident, 'ID_15_DIGIT') ?? imperfection(resident, 'ID_TYPO') ?? imperfection(resident, 'ID_FORMATTING');
      const variant = imperfection(resident, 'NAME_VARIANT');
      expect(persons[i].GMSFHM).toBe(storedId && 'storedId' in storedId ? storedId.storedId : resident.id);
      expect(persons[i].XM).toBe(variant && 'storedName' in variant ? variant.storedName : resident.name);
    });
  });
});

describe('the adapter against the stand-in', () => {
  const adapter = () => createPublicSecurityAdapter({ baseUrl: standIn.url, retries: 0 });

  it('answers every resident as the truth has them, except the one whose stored ID is mistyped', async () => {
    const found = await adapter().lookup(ids);
    for (const resident of population.residents) {
      const { record } = found.get(resident.id)!;
      if (imperfection(resident, 'ID_TYPO')) {
        expect(record).toBeNull();
        continue;
      }
      const variant = imperfection(resident, 'NAME_VARIANT');
      const ps = resident.publicSecurity;
      expect(record).toMatchObject({
        id: resident.id,
        name: variant && 'storedName' in variant ? variant.storedName : resident.name,
        gender: resident.gender,
        birthDate: resident.birthDate,
        ethnicityCode: ps.ethnicityCode,
        maritalStatus: ps.maritalStatus,
        householdId: ps.householdId,
        relationToHead: ps.relationToHead,
        registeredAddress: ps.registeredAddress,
        populationType: ps.populationType,
        residencePermit: ps.residencePermit,
      });
      expect(Object.hasOwn(ETHNICITY_NAMES, record!.ethnicityCode)).toBe(true);
    }
  });

  it('reports the 15-digit and mistyped IDs on the residents they belong to', async () => {
    const found = await adapter().lookup(ids);
    for (const resident of population.residents) {
      const expected = resident.imperfections.flatMap((i) =>
        i.kind === 'ID_15_DIGIT'
          ? [{ kind: 'LEGACY_15_DIGIT_ID', storedId: i.storedId }]
          : i.kind === 'ID_TYPO'
            ? [{ kind: 'INVALID_CITIZEN_ID', storedId: i.storedId }]
            : [],
      );
      expect(found.get(resident.id)!.issues.map(({ kind, storedId }) => ({ kind, storedId }))).toEqual(expected);
    }
  });

  it('answers registered households with their members', async () => {
    const householdIds = [...new Set(population.residents.flatMap((r) => r.publicSecurity.householdId ?? []))];
    const found = await adapter().lookupHouseholds(householdIds);
    for (const householdId of householdIds) {
      const members = population.residents.filter((r) => r.publicSecurity.householdId === householdId && !imperfection(r, 'ID_TYPO'));
      expect(found.get(householdId)?.members).toEqual(members.map((r) => ({ citizenId: r.id, relationToHead: r.publicSecurity.relationToHead })));
    }
  });

  it('costs one call per lookup, as the stand-in counts it', async () => {
    const subject = adapter();
    await subject.lookup(ids.slice(0, 1));
    await fetch(`${standIn.url}/__control/calls`, { method: 'DELETE' });
    await subject.lookup(ids);
    expect(await (await fetch(`${standIn.url}/__control/calls`)).json()).toEqual({ [PATHS.persons]: 1 });
  });

  it('lists every stored person once in the statistics export, with the stored ID and nothing else of their record', async () => {
    const rows = [];
    for await (const page of adapter().statisticsRows()) rows.push(...page);
    expect(rows).toEqual(
      population.residents.map((resident) => ({
        storedId: storedIdentityOf(resident, 'public-security').storedId,
        gender: resident.gender,
        populationType: resident.publicSecurity.populationType,
        birthDate: resident.birthDate,
      })),
    );
  });

  it.each([
    ['unavailable', 'DEPARTMENT_UNAVAILABLE'],
    ['malformed', 'DEPARTMENT_BAD_RESPONSE'],
  ])('turns an injected %s fault into %s', async (kind, code) => {
    const subject = adapter();
    await fetch(`${standIn.url}/__control/fault`, { method: 'PUT', body: JSON.stringify({ kind }) });
    try {
      await expect(subject.lookup(ids)).rejects.toMatchObject({ code });
    } finally {
      await fetch(`${standIn.url}/__control/fault`, { method: 'PUT', body: JSON.stringify({ kind: 'none' }) });
    }
  });
});

describe('the stand-in protocol', () => {
  it('refuses more than 500 records a page with its own error shape', async () => {
    const response = await post(`${standIn.url}${PATHS.persons}`, { GMSFHM: ids, PAGE: 1, PAGE_SIZE: 501 });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ CODE: expect.stringMatching(/^E\d+$/), MSG: expect.any(String) });
  });

  it('pages its statistics export up to 5,000 rows, and refuses more', async () => {
    const first = (await (await post(`${standIn.url}${PATHS.statisticsExport}`, { PAGE: 1, PAGE_SIZE: 3 })).json()) as { TOTAL: number; RECORDS: object[] };
    expect(first.TOTAL).toBe(population.residents.length);
    expect(first.RECORDS.map((row) => Object.keys(row).sort())).toEqual(Array(3).fill(['CSRQ', 'GMSFHM', 'RKLX', 'XB']));
    expect((await post(`${standIn.url}${PATHS.statisticsExport}`, { PAGE: 1, PAGE_SIZE: 5001 })).status).toBe(400);
  });

  it('pages its answer and reports the total', async () => {
    const pages = await Promise.all(
      [1, 2].map(
        async (page) =>
          (await post(`${standIn.url}${PATHS.persons}`, { GMSFHM: ids, PAGE: page, PAGE_SIZE: 4 })).json() as Promise<{ TOTAL: number; RECORDS: unknown[] }>,
      ),
    );
    expect(pages.map((page) => page.TOTAL)).toEqual([ids.length - 1, ids.length - 1]);
    expect(pages.map((page) => page.RECORDS.length)).toEqual([4, ids.length - 1 - 4]);
  });

  it('answers 429 with Retry-After beyond its rate limit, and the adapter waits it out', async () => {
    const limited = await startStandIn({ dataDir, port: 0, rateLimitPerSecond: 2 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_000 - (Date.now() % 1_000)));
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const response = await post(`${limited.url}${PATHS.persons}`, { GMSFHM: ids, PAGE: 1, PAGE_SIZE: 10 });
        statuses.push([response.status, response.headers.get('retry-after')]);
      }
      expect(statuses).toEqual([
        [200, null],
        [200, null],
        [429, '1'],
      ]);
      const found = await createPublicSecurityAdapter({ baseUrl: limited.url, retries: 0, timeoutMs: 3_000 }).lookup(ids);
      expect(found.get(ids[0]!)?.record?.id).toBe(ids[0]);
    } finally {
      await limited.close();
    }
  });
});

describe('spoiled answers', () => {
  const setFault = (kind: string) => fetch(`${standIn.url}/__control/fault`, { method: 'PUT', body: JSON.stringify({ kind }) });
  afterEach(() => setFault('none'));

  it.each([
    ['wrong-encoding', 'with a body that is not UTF-8'],
    ['unknown-codes', 'unknown ethnicity (MZ) code "99"'],
  ])('answers its real answer spoiled on %s, which the adapter refuses as DEPARTMENT_BAD_RESPONSE', async (kind, message) => {
    expect((await setFault(kind)).status).toBe(200);
    const adapter = createPublicSecurityAdapter({ baseUrl: standIn.url, retries: 0 });
    const failure = adapter.lookup(ids.slice(0, 3));
    await expect(failure).rejects.toMatchObject({ code: 'DEPARTMENT_BAD_RESPONSE', department: 'public-security' });
    await expect(failure).rejects.toThrow(message);
  });
});
