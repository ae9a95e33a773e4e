import { mkdir, readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import iconv from 'iconv-lite';
import type { z } from 'zod';
import { startStandInServer, type StandInServer } from '@resident-graph/adapter-kit';
import {
  CARD_CLOSE_PATH,
  CARDS_BY_STATUS_PATH,
  CARDS_QUERY_PATH,
  JOB_STATUS_PATH,
  STATUS_PATH,
  type BusinessAnswer,
  type CardFacts,
  type CardsAnswer,
  type CardsApiError,
} from '../cardsApi';
import { EMPLOYMENT_STATUS_BY_CODE } from '../bureauCodes';
import { CardBusiness, cardCloseRequestSchema, decideCardClose, decideJobStatus, jobStatusRequestSchema } from './cardBusiness';
import { businessJournalIn, cardStoreOf, defaultStateDirOf } from './standInFiles';

export interface StandInOptions {
  /** The directory `writeStandInData` wrote to. */
  dataDir: string;
  port: number;
  host?: string;
  /**
   * Where the business API keeps its journal (replayed on start), like a database's files:
   * one per running system, so runs over the same data each start clean.
   * @default `<dataDir>/labour/api`
   */
  stateDir?: string;
}

/** The bureau refuses more cards than this in one query. */
const MAX_CARDS_PER_QUERY = 20_000;

function answer(
  response: ServerResponse,
  status: number,
  body: CardsAnswer | CardsApiError | BusinessAnswer | { retCode: 0; retMsg: string; result?: string[] },
): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

function jsonOf(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function jobStatusesOf(body: Buffer): Set<string> | string {
  const jobStatuses = (jsonOf(body) as { jobStatuses?: unknown } | null | undefined)?.jobStatuses;
  if (!Array.isArray(jobStatuses) || !jobStatuses.every((code) => typeof code === 'string' && Object.hasOwn(EMPLOYMENT_STATUS_BY_CODE, code)))
    return 'jobStatuses 必须为就业状态代码数组';
  return new Set(jobStatuses);
}

const malformedBusiness = (error: z.ZodError): CardsApiError => ({ retCode: 40001, retMsg: `业务请求不合规: ${error.issues[0]?.path.join('.') ?? ''}` });

function cardNumbersOf(body: Buffer): string[] | string {
  const request = jsonOf(body);
  if (request === undefined) return '请求体不是合法的JSON';
  const cardNumbers = (request as { cardNumbers?: unknown } | null)?.cardNumbers;
  if (!Array.isArray(cardNumbers) || !cardNumbers.every((card) => typeof card === 'string')) return 'cardNumbers 必须为卡号数组';
  if (cardNumbers.length > MAX_CARDS_PER_QUERY) return `单次查询不得超过 ${MAX_CARDS_PER_QUERY} 张卡`;
  return cardNumbers;
}

/**
 * The bureau's query API: `POST /api/v1/cards/query` answers the employment facts of
 * the cards it knows (unknown cards are left out), `POST /api/v1/cards/by-status` the
 * numbers of the cards with one of the employment statuses asked, `GET /api/v1/status`
 * says it is up; its business API (`JOB_STATUS_PATH`, `CARD_CLOSE_PATH`) changes cards by
 * the bureau's rules, journaled so the changes and business numbers outlive a restart.
 * Refusals use the bureau's own `{retCode, retMsg}` shape.
 */
export async function startStandIn(options: StandInOptions): Promise<StandInServer> {
  const cards = JSON.parse(await readFile(cardStoreOf(options.dataDir), 'utf8')) as CardFacts[];
  const byCardNumber = new Map(cards.map((card) => [card.cardNo, card]));
  const stateDir = options.stateDir ?? defaultStateDirOf(options.dataDir);
  await mkdir(stateDir, { recursive: true });
  const business = await CardBusiness.open(byCardNumber, businessJournalIn(stateDir));

  return startStandInServer({
    department: 'labour',
    port: options.port,
    host: options.host,
    route: (request) => {
      const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
      if (request.method === 'POST' && path === CARDS_QUERY_PATH) return 'cards.query';
      if (request.method === 'POST' && path === CARDS_BY_STATUS_PATH) return 'cards.by-status';
      if (request.method === 'GET' && path === STATUS_PATH) return 'status';
      if (request.method === 'POST' && path === JOB_STATUS_PATH) return 'cards.job-status';
      if (request.method === 'POST' && path === CARD_CLOSE_PATH) return 'cards.close';
      return null;
    },
    handle: async (request, body, response) => {
      if (request.method === 'GET') return answer(response, 200, { retCode: 0, retMsg: '服务正常' });
      const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
      if (path === JOB_STATUS_PATH) {
        const parsed = jobStatusRequestSchema.safeParse(jsonOf(body));
        if (!parsed.success) return answer(response, 400, malformedBusiness(parsed.error));
        return answer(response, 200, await business.submit(parsed.data.reqNo, (current) => decideJobStatus(current, parsed.data)));
      }
      if (path === CARD_CLOSE_PATH) {
        const parsed = cardCloseRequestSchema.safeParse(jsonOf(body));
        if (!parsed.success) return answer(response, 400, malformedBusiness(parsed.error));
        return answer(response, 200, await business.submit(parsed.data.reqNo, (current) => decideCardClose(current, parsed.data)));
      }
      if (path === CARDS_BY_STATUS_PATH) {
        const jobStatuses = jobStatusesOf(body);
        if (typeof jobStatuses === 'string') return answer(response, 400, { retCode: 40001, retMsg: jobStatuses });
        const result = [...byCardNumber.values()].filter((card) => card.jobStatus !== null && jobStatuses.has(card.jobStatus)).map((card) => card.cardNo);
        return answer(response, 200, { retCode: 0, retMsg: '成功', result });
      }
      const cardNumbers = cardNumbersOf(body);
      if (typeof cardNumbers === 'string') return answer(response, 400, { retCode: 40001, retMsg: cardNumbers });
      const result = cardNumbers.flatMap((cardNumber) => byCardNumber.get(cardNumber) ?? []);
      return answer(response, 200, { retCode: 0, retMsg: '成功', result });
    },
    malformedBody: { contentType: 'application/json; charset=utf-8', body: '{"retCode":0,"retMsg":"成功","result":[{"cardNo":' },
    spoiledAnswer: {
      // Still labelled UTF-8, as a transcoding gateway in front of the bureau would leave it.
      'wrong-encoding': (answer) => iconv.encode(answer.toString('utf8'), 'GBK'),
      // The bureau's 就业状态代码 has no 99, and 下岗标志 is 0 or 1.
      'unknown-codes': (answer) =>
        Buffer.from(
          answer
            .toString('utf8')
            .replaceAll(/"jobStatus":"\d+"/g, '"jobStatus":"99"')
            .replaceAll(/"laidOffFlag":"\d"/g, '"laidOffFlag":"7"'),
          'utf8',
        ),
    },
  });
}
