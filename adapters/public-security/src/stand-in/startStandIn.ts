import { mkdir } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import iconv from 'iconv-lite';
import { startStandInServer, type StandInServer } from '@resident-graph/adapter-kit';
import { todayInShanghai } from '@resident-graph/schemas';
import { MAX_EXPORT_PAGE_SIZE, MAX_PAGE_SIZE, PATHS, SUCCESS_CODE, type RawError, type RawStatisticsRow } from '../wireFormat';
import { CHANGE_PATHS, RawChangeRequest, type RawChangeAnswer, type RawChangeResult, type RawCheckAnswer } from '../changeWire';
import { ChangeJournal } from './ChangeJournal';
import { dataFiles } from './dataFiles';
import { PopulationRegister } from './PopulationRegister';
import { decideChange } from './registerChanges';
import { RateLimiter } from './RateLimiter';

export interface PublicSecurityStandInOptions {
  /** The data directory `writeStandInData` wrote to (its `public-security/` folder is read). */
  dataDir: string;
  port: number;
  host?: string;
  /** Requests answered per second; the rest get 429. @default 200 */
  rateLimitPerSecond?: number;
  /**
   * Where the register keeps its change journal (replayed over the export on start), like a
   * database's files: one per running system, so runs over the same data each start clean.
   * @default the export's folder
   */
  stateDir?: string;
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly body: RawError,
  ) {
    super(body.MSG);
  }
}

const DEFAULT_PAGE_SIZE = 20;

function send(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers }).end(JSON.stringify(value));
}

/** The request as the system reads it: a list of keys under `keyField`, and a page of at most `maxPageSize`. */
function readQuery(body: Buffer, keyField: string | null, maxPageSize = MAX_PAGE_SIZE): { keys: string[]; page: number; pageSize: number } {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new Refusal(400, { CODE: 'E1001', MSG: '请求报文格式错误' });
  }
  const keys = keyField === null ? [] : parsed[keyField];
  const page = parsed.PAGE ?? 1;
  const pageSize = parsed.PAGE_SIZE ?? DEFAULT_PAGE_SIZE;
  if (!Array.isArray(keys) || !keys.every((key) => typeof key === 'string')) {
    throw new Refusal(400, { CODE: 'E1002', MSG: `查询条件 ${keyField} 必须为字符串数组` });
  }
  if (!Number.isInteger(page) || (page as number) < 1 || !Number.isInteger(pageSize) || (pageSize as number) < 1) {
    throw new Refusal(400, { CODE: 'E1003', MSG: '分页参数错误' });
  }
  if ((pageSize as number) > maxPageSize) throw new Refusal(400, { CODE: 'E1004', MSG: `每页记录数不能超过${maxPageSize}` });
  return { keys, page: page as number, pageSize: pageSize as number };
}

function readChange(body: Buffer): RawChangeRequest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new Refusal(400, { CODE: 'E1001', MSG: '请求报文格式错误' });
  }
  const request = RawChangeRequest.safeParse(parsed);
  if (!request.success) throw new Refusal(400, { CODE: 'E2001', MSG: `变更报文不合规: ${request.error.issues[0]?.path.join('.') ?? ''}` });
  return request.data;
}

/** The register's business date, `YYYYMMDD`: the date in Shanghai, where the register works (UTC's is a day behind from 16:00 to midnight). */
const today = () => todayInShanghai().replaceAll('-', '');

const statisticsRowOf = ({ GMSFHM, XB, CSRQ, RKLX }: RawStatisticsRow): RawStatisticsRow => ({ GMSFHM, XB, CSRQ, RKLX });

/** One page of `records`, each as `project` shows it. */
function pageOf<T>(records: T[], page: number, pageSize: number, project: (record: T) => unknown = (record) => record) {
  const start = (page - 1) * pageSize;
  const shown = records.slice(start, start + pageSize).map(project);
  return { CODE: SUCCESS_CODE, MSG: '成功', TOTAL: records.length, PAGE: page, PAGE_SIZE: pageSize, RECORDS: shown };
}

/**
 * Stand-in of the household-registration system: its paged JSON API over the export
 * `writeStandInData` wrote, throttled like the real one (429 with `Retry-After`), and its
 * change business (`CHANGE_PATHS`): submissions decided by the register's rules, journaled
 * beside the export so they outlive a restart, each business serial number taken once.
 */
export async function startStandIn(options: PublicSecurityStandInOptions): Promise<StandInServer> {
  const register = await PopulationRegister.load(options.dataDir);
  const limiter = new RateLimiter(options.rateLimitPerSecond ?? 200);
  if (options.stateDir) await mkdir(options.stateDir, { recursive: true });
  const journal = new ChangeJournal(dataFiles(options.dataDir, options.stateDir).changes);
  // Every business serial number taken, with its result once journaled: the same number again changes nothing.
  const results = new Map<string, Promise<RawChangeResult>>();
  for (const entry of await journal.entries()) {
    if (entry.write) register.write(entry.write);
    results.set(entry.result.YWLSH, Promise.resolve(entry.result));
  }
  const submit = (request: RawChangeRequest & { YWLSH: string }): Promise<RawChangeResult> => {
    const first = results.get(request.YWLSH);
    if (first) return first;
    const decision = decideChange(register, request, today());
    const result: RawChangeResult = decision.ok
      ? { YWLSH: request.YWLSH, SLJG: '1', ...(decision.write.childId && { XSEGMSFHM: decision.write.childId }) }
      : { YWLSH: request.YWLSH, SLJG: '2', BYSLYY: decision.reason };
    if (decision.ok) register.write(decision.write);
    const journaled = journal.append({ result, write: decision.ok ? decision.write : null }).then(() => result);
    results.set(request.YWLSH, journaled);
    // Unjournaled, the business is not done: the submitter's retry is decided afresh.
    journaled.catch(() => results.delete(request.YWLSH));
    return journaled;
  };
  const queries: Record<string, (body: Buffer) => unknown> = {
    [CHANGE_PATHS.submit]: async (body): Promise<RawChangeAnswer> => {
      const request = readChange(body);
      if (request.YWLSH === undefined) throw new Refusal(400, { CODE: 'E2002', MSG: '缺少业务流水号' });
      return { CODE: SUCCESS_CODE, MSG: '成功', JG: await submit({ ...request, YWLSH: request.YWLSH }) };
    },
    [CHANGE_PATHS.check]: (body): RawCheckAnswer => {
      const decision = decideChange(register, readChange(body), today());
      return { CODE: SUCCESS_CODE, MSG: '成功', JG: decision.ok ? { KYBL: '1' } : { KYBL: '0', YY: decision.reason } };
    },
    [PATHS.persons]: (body) => {
      const query = readQuery(body, 'GMSFHM');
      return pageOf(register.persons(query.keys), query.page, query.pageSize);
    },
    [PATHS.households]: (body) => {
      const query = readQuery(body, 'HH');
      return pageOf(register.householdsOf(query.keys), query.page, query.pageSize);
    },
    [PATHS.invalidIds]: (body) => {
      const query = readQuery(body, null);
      return pageOf(register.invalidIdPersons, query.page, query.pageSize);
    },
    [PATHS.statisticsExport]: (body) => {
      const query = readQuery(body, null, MAX_EXPORT_PAGE_SIZE);
      return pageOf(register.everyone, query.page, query.pageSize, statisticsRowOf);
    },
  };
  const pathOf = (request: IncomingMessage) => new URL(request.url ?? '/', 'http://stand-in').pathname;

  return startStandInServer({
    department: 'public-security',
    port: options.port,
    host: options.host,
    route: (request) => (request.method === 'POST' && Object.hasOwn(queries, pathOf(request)) ? pathOf(request) : null),
    handle: async (request, body, response) => {
      const waitMs = limiter.take();
      if (waitMs > 0) {
        return send(response, 429, { CODE: 'E4290', MSG: '请求过于频繁，请稍后重试' }, { 'retry-after': String(Math.ceil(waitMs / 1000)) });
      }
      try {
        send(response, 200, await queries[pathOf(request)]!(body));
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        send(response, error.status, error.body);
      }
    },
    malformedBody: { contentType: 'application/json;charset=UTF-8', body: '{"CODE":"0000","MSG":"成功","TOTAL":2,"RECORDS":[{"GMSFHM":' },
    spoiledAnswer: {
      // Still labelled UTF-8, as a transcoding gateway in front of the system would leave it.
      'wrong-encoding': (answer) => iconv.encode(answer.toString('utf8'), 'GBK'),
      // 民族 (GB 3304) has no 99.
      'unknown-codes': (answer) => Buffer.from(answer.toString('utf8').replaceAll(/"MZ":"\d{2}"/g, '"MZ":"99"'), 'utf8'),
    },
  });
}
