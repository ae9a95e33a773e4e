import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { callBudgetMs, resilienceFromEnv, type DepartmentResilience, type StandInFault } from '@resident-graph/adapter-kit';
import { DEPARTMENTS, resilienceEnvOf, type DepartmentEntry } from '@resident-graph/registry';
import type { TruthResident } from '@resident-graph/schemas';
import { restartService } from '@resident-graph/stack';
import {
  comparableRecord,
  DEPARTMENT_SECTIONS,
  expectedRecord,
  flagsOf,
  FLAG_FIELDS,
  graphql,
  IDENTITY_FIELDS,
  IDENTITY_KEYS,
  OFFICER,
  pick,
  readStreet,
  readTruth,
  requestHeaders,
  startTcpProxy,
  startTestStack,
  TruthIndex,
  type GraphQLAnswer,
  type TcpProxy,
  type TestStack,
} from '../support';

/**
 * Every department with a system of its own, in turn slow, erroring, malformed and killed
 * (and, an HTTP system, answering in the wrong encoding and with codes not in its tables),
 * then healthy again without a restart of anything of ours. The grid database is left out:
 * it is also the jurisdiction index every subgraph checks before it answers, so its failure
 * refuses every section by design (fail closed), not one section (see docs/architecture.md).
 */

/** Short limits, so a slow department shows, the breaker opens and half-opens within the test. */
const FAULT_ENV = { DEPARTMENT_TIMEOUT_MS: '400', DEPARTMENT_RETRIES: '1', DEPARTMENT_BREAK_AFTER: '3', DEPARTMENT_HALF_OPEN_AFTER_MS: '1000' };
/** The gateway's and subgraphs' own time on top of the department's budget (two loaded cores). */
const OVERHEAD_MS = 1_500;

const QUERY = `query($id: CitizenId!) { resident(id: $id) { ${IDENTITY_FIELDS} ${FLAG_FIELDS} } }`;
type Answer = GraphQLAnswer<{ resident: Record<string, unknown> | null }>;

const SECTION_OF = DEPARTMENT_SECTIONS;
const SECTIONS = ['civilAffairs', 'familyPlanning', 'labour'] as const;

/** A table every lookup of a database department reads, and one of its columns. */
const DATABASE_TABLE: Record<string, { table: string; column: string }> = { 'civil-affairs': { table: 'cjrz', column: 'xm' } };

const HTTP_FAULTS = ['slow', 'erroring', 'malformed', 'wrong-encoding', 'unknown-codes', 'killed'] as const;
const DATABASE_FAULTS = ['slow', 'erroring', 'malformed', 'killed'] as const;
type FaultName = (typeof HTTP_FAULTS)[number];
interface Fault {
  name: FaultName;
  code: 'DEPARTMENT_TIMEOUT' | 'DEPARTMENT_UNAVAILABLE' | 'DEPARTMENT_BAD_RESPONSE';
  /**
   * The fault spoils the department's real answer, so only a resident it has something on
   * answers anything to spoil (an empty answer is the same in any encoding, with no codes).
   */
  spoilsAnswer?: boolean;
  /** What the department's error says, where that proves which check refused the answer. */
  message?: string;
  apply(): Promise<void>;
  clear(): Promise<void>;
}

/** How each adapter says it refused a spoiled answer: its decoding or its code tables, not some later failure. */
const SPOILED_MESSAGES: Record<string, Record<'wrong-encoding' | 'unknown-codes', string>> = {
  'public-security': { 'wrong-encoding': 'with a body that is not UTF-8', 'unknown-codes': 'unknown ethnicity (MZ) code "99"' },
  'family-planning': { 'wrong-encoding': 'GBK', 'unknown-codes': '"7" is not a 0/1 flag' },
  labour: { 'wrong-encoding': 'with a body that is not UTF-8', 'unknown-codes': 'answered in an unknown shape (result.0.' },
};

/** The record as the truth says, cut to what the query asks. */
function expectedAnswer(resident: TruthResident, truth: TruthIndex) {
  const expected = expectedRecord(resident, truth);
  return { ...pick(expected, IDENTITY_KEYS), ...flagsOf(expected) };
}

function comparable(answer: Record<string, unknown>) {
  const record = comparableRecord(answer);
  return { ...pick(record, IDENTITY_KEYS), ...pick(record, SECTIONS) };
}

describe('each department failing in each way it can: only its part is lost, and only while it lasts', () => {
  let stack: TestStack;
  let headers: Record<string, string>;
  let truth: TruthIndex;
  let sample: TruthResident[];
  let database: Client;
  const proxies = new Map<string, TcpProxy>();
  /** Labour's export folder for this suite alone (the generated data folder is shared with other suites). */
  let exportDir: string;
  const started = Date.now();

  const settingsOf = (department: DepartmentEntry): DepartmentResilience => resilienceFromEnv('test', { ...resilienceEnvOf(department), ...FAULT_ENV });

  async function ask(resident: TruthResident): Promise<{ answer: Answer; tookMs: number }> {
    const start = Date.now();
    const answer = await graphql<{ resident: Record<string, unknown> | null }>(stack.gatewayUrl, QUERY, { id: resident.id }, headers);
    return { answer, tookMs: Date.now() - start };
  }

  function expectWhole(answer: Answer, resident: TruthResident): void {
    expect({ id: resident.id, errors: answer.errors }).toEqual({ id: resident.id, errors: undefined });
    expect(comparable(answer.data!.resident!)).toEqual(expectedAnswer(resident, truth));
  }

  /** The department's part null with `code` naming it at that part's path; every other part exactly as the truth says. */
  function expectLost(answer: Answer, resident: TruthResident, department: string, code: string, message?: string): void {
    const section = SECTION_OF[department] ?? null;
    const path = section === null ? ['resident'] : ['resident', section];
    const errors = answer.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect({ path: error.path?.slice(0, path.length) }).toEqual({ path });
    expect(errors).toContainEqual(expect.objectContaining({ path, extensions: expect.objectContaining({ code, department }) }));
    const named = errors.find((error) => error.extensions?.code === code && error.extensions?.department === department)!;
    if (message) expect(named.message).toContain(message);
    if (section === null) {
      expect(answer.data?.resident ?? null).toBeNull();
      return;
    }
    const record = answer.data!.resident!;
    expect(record[section]).toBeNull();
    const expected = expectedAnswer(resident, truth);
    const { [section]: _lost, ...rest } = comparable(record);
    const { [section]: _expectedLost, ...expectedRest } = expected;
    expect(rest).toEqual(expectedRest);
  }

  async function readiness(url: string): Promise<{ status: number; body: any }> {
    const response = await fetch(url);
    return { status: response.status, body: await response.json() };
  }

  function faultsOf(department: DepartmentEntry): Fault[] {
    const settings = settingsOf(department);
    const { standIn } = department;
    if (standIn.kind === 'server') {
      const port = stack.ports.standIns[department.id]!;
      const setFault = async (fault: StandInFault) => {
        const response = await fetch(`http://127.0.0.1:${port}/__control/fault`, { method: 'PUT', body: JSON.stringify(fault) });
        expect(response.status).toBe(200);
      };
      const none = () => setFault({ kind: 'none' });
      return [
        { name: 'slow', code: 'DEPARTMENT_TIMEOUT', apply: () => setFault({ kind: 'slow', delayMs: 3 * settings.timeoutMs }), clear: none },
        { name: 'erroring', code: 'DEPARTMENT_UNAVAILABLE', apply: () => setFault({ kind: 'unavailable' }), clear: none },
        { name: 'malformed', code: 'DEPARTMENT_BAD_RESPONSE', apply: () => setFault({ kind: 'malformed' }), clear: none },
        // Its real answer in another charset than it is labelled with (GBK as UTF-8, UTF-8 as GBK).
        {
          name: 'wrong-encoding',
          code: 'DEPARTMENT_BAD_RESPONSE',
          spoilsAnswer: true,
          message: SPOILED_MESSAGES[department.id]?.['wrong-encoding'],
          apply: () => setFault({ kind: 'wrong-encoding' }),
          clear: none,
        },
        // Its real answer with a code its code table has not (ethnicity, sex, flags, employment status).
        {
          name: 'unknown-codes',
          code: 'DEPARTMENT_BAD_RESPONSE',
          spoilsAnswer: true,
          message: SPOILED_MESSAGES[department.id]?.['unknown-codes'],
          apply: () => setFault({ kind: 'unknown-codes' }),
          clear: none,
        },
        {
          name: 'killed',
          code: 'DEPARTMENT_UNAVAILABLE',
          apply: () => stack.services.get(`${department.id}-stand-in`)!.stop(),
          clear: async () => void (await restartService(stack.services, `${department.id}-stand-in`, `http://127.0.0.1:${port}/health`)),
        },
      ];
    }
    if (standIn.kind !== 'database') throw new Error(`no faults for a ${standIn.kind} stand-in`);
    const proxy = proxies.get(department.id)!;
    const table = `"${standIn.schema}"."${DATABASE_TABLE[department.id]!.table}"`;
    const held = `${DATABASE_TABLE[department.id]!.table}_held`;
    const { column } = DATABASE_TABLE[department.id]!;
    return [
      // The link goes silent: queries neither answer nor fail.
      { name: 'slow', code: 'DEPARTMENT_TIMEOUT', apply: async () => proxy.stall(), clear: async () => proxy.restore() },
      // The database answers every read of a table with an error.
      {
        name: 'erroring',
        code: 'DEPARTMENT_UNAVAILABLE',
        apply: async () => {
          await database.query(`ALTER TABLE ${table} RENAME TO ${held}`);
          await database.query(
            `CREATE VIEW ${table} AS SELECT * FROM "${standIn.schema}".${held} WHERE 1 / (SELECT count(*) FROM "${standIn.schema}".${held} WHERE false) = 1`,
          );
        },
        clear: async () => {
          await database.query(`DROP VIEW ${table}`);
          await database.query(`ALTER TABLE "${standIn.schema}".${held} RENAME TO ${DATABASE_TABLE[department.id]!.table}`);
        },
      },
      // Not the bureau's documented schema any more: a column renamed.
      {
        name: 'malformed',
        code: 'DEPARTMENT_BAD_RESPONSE',
        apply: async () => void (await database.query(`ALTER TABLE ${table} RENAME COLUMN ${column} TO ${column}_renamed`)),
        clear: async () => void (await database.query(`ALTER TABLE ${table} RENAME COLUMN ${column}_renamed TO ${column}`)),
      },
      // The shared PostgreSQL serves every suite, so the department's link to it is cut instead: connections refused.
      { name: 'killed', code: 'DEPARTMENT_UNAVAILABLE', apply: async () => proxy.cut(), clear: async () => proxy.restore() },
    ];
  }

  const faulty = DEPARTMENTS.filter((department) => department.id in SECTION_OF);

  beforeAll(async () => {
    stack = await startTestStack(FAULT_ENV);
    headers = await requestHeaders(stack, OFFICER('civil-affairs'));
    truth = new TruthIndex(readTruth(stack.dataDir), readStreet(stack.dataDir));
    // A handful: one with a record in every department, two from elsewhere in the street.
    const everywhere = truth.residents.find((r) => r.civilAffairs && r.familyPlanning && r.labour && r.imperfections.length === 0)!;
    sample = [everywhere, truth.residents[Math.floor(truth.residents.length / 3)]!, truth.residents[Math.floor((2 * truth.residents.length) / 3)]!];
    database = new Client({ connectionString: stack.databaseUrl });
    await database.connect();
    // Each database department's subgraph reaches its database through a link the test can cut.
    const target = new URL(stack.databaseUrl);
    for (const department of faulty) {
      if (department.standIn.kind !== 'database') continue;
      const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
      proxies.set(department.id, proxy);
      const url = new URL(stack.databaseUrl);
      url.port = String(proxy.port);
      const env = department.subgraph.env({
        databaseUrl: url.toString(),
        databaseSchema: department.standIn.schema,
        dataDir: stack.dataDir,
        workDir: '',
        departmentSubgraphUrls: {},
      });
      const port = stack.ports.subgraphs[department.subgraph.name]!;
      await restartService(stack.services, `${department.subgraph.name}-subgraph`, `http://127.0.0.1:${port}/health`, { env });
    }
    // Labour reads its nightly export from a copy the suite may write a newer export into, looking every 200 ms.
    exportDir = mkdtempSync(path.join(os.tmpdir(), 'resident-graph-labour-export-'));
    cpSync(path.join(stack.dataDir, 'labour', 'export'), exportDir, { recursive: true });
    await restartService(stack.services, 'labour-subgraph', `http://127.0.0.1:${stack.ports.subgraphs.labour}/health`, {
      env: { LABOUR_EXPORT_DIR: exportDir, LABOUR_EXPORT_CHECK_INTERVAL_MS: '200' },
    });
  });
  afterAll(async () => {
    if (exportDir) rmSync(exportDir, { recursive: true, force: true });
    await database?.end();
    await stack?.stopAll();
    for (const proxy of proxies.values()) await proxy.close();
    process.stdout.write(`department fault suite: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  });

  it('answers every sampled resident whole before any fault', async () => {
    for (const resident of sample) expectWhole((await ask(resident)).answer, resident);
  });

  const cases = faulty.flatMap((department) =>
    (department.standIn.kind === 'server' ? HTTP_FAULTS : DATABASE_FAULTS).map((fault) => [department.id, fault] as const),
  );
  it.each(cases)('%s %s: its part is null with its code, the rest exact, within its budget; whole again once it clears', async (id, name) => {
    const department = faulty.find((entry) => entry.id === id)!;
    const fault = faultsOf(department).find((entry) => entry.name === name)!;
    const settings = settingsOf(department);
    const budgetMs = callBudgetMs(settings) + OVERHEAD_MS;
    const subgraphReady = `http://127.0.0.1:${stack.ports.subgraphs[department.subgraph.name]}/health/ready`;
    const opensBreaker = fault.code !== 'DEPARTMENT_BAD_RESPONSE';
    const section = SECTION_OF[id] ?? null;
    const asked = fault.spoilsAnswer ? sample.filter((resident) => section === null || resident[section] !== null) : sample;
    expect(asked.length).toBeGreaterThan(0);

    await fault.apply();
    try {
      // As many residents as it takes to open the breaker, each answer checked.
      for (let i = 0; i < settings.breakAfter; i++) {
        const resident = asked[i % asked.length]!;
        const { answer, tookMs } = await ask(resident);
        expectLost(answer, resident, id, fault.code, fault.message);
        expect(tookMs).toBeLessThanOrEqual(budgetMs);
      }
      if (opensBreaker) {
        expect(await readiness(subgraphReady)).toEqual({ status: 503, body: { status: 'degraded', departments: [{ department: id, breaker: 'open' }] } });
        const gateway = await readiness(new URL('/health/ready', stack.gatewayUrl).toString());
        expect(gateway).toMatchObject({ status: 200, body: { status: 'degraded', degraded: [id] } });
        expect((await fetch(new URL('/health', stack.gatewayUrl))).status).toBe(200);
        // The open circuit refuses without asking the system (only a refused call says "circuit open").
        const { answer, tookMs } = await ask(sample[0]!);
        expectLost(answer, sample[0]!, id, 'DEPARTMENT_UNAVAILABLE', 'circuit open');
        expect(tookMs).toBeLessThanOrEqual(budgetMs);
      } else {
        // A malformed, misencoded or miscoded answer is no reason to stop asking: the breaker stays closed.
        expect((await readiness(subgraphReady)).status).toBe(200);
      }
    } finally {
      await fault.clear();
    }

    // Whole again without restarting anything of ours, once the breaker lets a call through.
    const deadline = Date.now() + settings.halfOpenAfterMs + budgetMs + 10_000;
    let last = await ask(sample[0]!);
    while (last.answer.errors && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      last = await ask(sample[0]!);
    }
    for (const resident of sample) expectWhole((await ask(resident)).answer, resident);
    expect(await readiness(subgraphReady)).toEqual({ status: 200, body: { status: 'ready', departments: [{ department: id, breaker: 'closed' }] } });
  });

  it("labour's nightly export arrives broken: it is refused, the loaded one stays in use, every answer exact; a good one is taken up", async () => {
    const [current] = readdirSync(exportDir).filter((name) => /^shebao_\d{8}\.csv$/.test(name));
    const newer = path.join(exportDir, 'shebao_20991231.csv');
    const log = () => readFileSync(stack.services.get('labour-subgraph')!.logFile, 'utf8');
    const before = log().length;
    // Cut off in its header: not the bureau's columns, as a transfer broken off early leaves it.
    writeFileSync(newer, readFileSync(path.join(exportDir, current!)).subarray(0, 9));
    const deadline = Date.now() + 10_000;
    while (!log().slice(before).includes('labour export refresh failed') && Date.now() < deadline) {
      for (const resident of sample) expectWhole((await ask(resident)).answer, resident);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(log().slice(before)).toContain('labour export refresh failed; keeping the loaded one');
    for (const resident of sample) expectWhole((await ask(resident)).answer, resident);

    // The next night's good export replaces it, with nothing restarted: one resident's card is no longer in it.
    const leaver = sample[0]!;
    const card = leaver.labour!.socialSecurityCardNumber;
    const rows = readFileSync(path.join(exportDir, current!)).toString('latin1').split('\r\n');
    writeFileSync(newer, Buffer.from(rows.filter((row) => !row.includes(card)).join('\r\n'), 'latin1'));
    const withoutCard = { ...leaver, labour: null };
    const taken = Date.now() + 10_000;
    let answer = (await ask(leaver)).answer;
    while ((answer.data?.resident?.labour as { onRecord?: boolean } | null)?.onRecord !== false && Date.now() < taken) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      answer = (await ask(leaver)).answer;
    }
    expect(answer.errors).toBeUndefined();
    expect(comparable(answer.data!.resident!)).toEqual(expectedAnswer(withoutCard, truth));
    for (const resident of sample.slice(1)) expectWhole((await ask(resident)).answer, resident);
  });

  // Last: the labour subgraph stays down for the rest of the suite.
  it('a subgraph that cannot be reached: its fields are null with SUBGRAPH_UNAVAILABLE naming it, the rest answers', async () => {
    const resident = sample[0]!;
    await stack.services.get('labour-subgraph')!.stop();
    const { answer } = await ask(resident);
    const unreachable = (answer.errors ?? []).filter((error) => error.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
    expect(unreachable.length).toBeGreaterThan(0);
    expect(unreachable.every((error) => error.message.includes('subgraph labour cannot be reached'))).toBe(true);
    expect(answer.data!.resident!.labour).toBeNull();
    const { labour: _lost, ...rest } = comparable(answer.data!.resident!);
    const { labour: _expectedLost, ...expectedRest } = expectedAnswer(resident, truth);
    expect(rest).toEqual(expectedRest);
    const gateway = await readiness(new URL('/health/ready', stack.gatewayUrl).toString());
    expect(gateway).toMatchObject({ status: 503, body: { status: 'unavailable' } });
  });
});
