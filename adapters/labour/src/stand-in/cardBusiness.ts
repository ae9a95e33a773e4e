import { appendFile } from 'node:fs/promises';
import { z } from 'zod';
import { readJournal } from '@resident-graph/adapter-kit';
import { EMPLOYMENT_STATUS_BY_CODE } from '../bureauCodes';
import { CLOSE_REASON_DEATH, type BusinessAnswer, type CardFacts } from '../cardsApi';

const bureauDate = z.string().regex(/^\d{8}$/);
export const jobStatusRequestSchema = z.object({ reqNo: z.string().min(1).max(64), cardNo: z.string().min(1), jobStatus: z.string(), changeDate: bureauDate });
export const cardCloseRequestSchema = z.object({ reqNo: z.string().min(1).max(64), cardNo: z.string().min(1), closeReason: z.string(), closeDate: bureauDate });

/** What the bureau decided on one business: its answer, and the card as it is afterwards when it changed one. */
interface Decision {
  answer: BusinessAnswer;
  card: CardFacts | null;
}

const refused = (retCode: number, retMsg: string): Decision => ({ answer: { retCode, retMsg }, card: null });
const done = (card: CardFacts): Decision => ({ answer: { retCode: 0, retMsg: '办结' }, card });

/** The card a business is about, or the bureau's refusal: unknown cards and closed ones take no business. */
function openCard(cards: ReadonlyMap<string, CardFacts>, cardNo: string): CardFacts | Decision {
  const card = cards.get(cardNo);
  if (!card) return refused(30001, `社保卡号 ${cardNo} 不存在`);
  if (card.closeDate) return refused(30003, `社保卡 ${cardNo} 已注销`);
  return card;
}

/**
 * 就业失业登记 by the bureau's rules: a status in its code table, on an open card. Laid off
 * (22) sets 下岗标志; re-employment (11) clears it and ends the unemployment registration;
 * registered unemployed (21) opens one (失业登记证) unless one is open.
 */
export function decideJobStatus(cards: ReadonlyMap<string, CardFacts>, request: z.infer<typeof jobStatusRequestSchema>): Decision {
  const card = openCard(cards, request.cardNo);
  if ('answer' in card) return card;
  const code = request.jobStatus;
  if (!Object.hasOwn(EMPLOYMENT_STATUS_BY_CODE, code)) return refused(30002, `就业状态代码 ${code} 不在代码表中`);
  return done({
    ...card,
    jobStatus: code,
    laidOffFlag: code === '22' ? '1' : code === '11' ? '0' : card.laidOffFlag,
    unemploymentReg:
      code === '21'
        ? (card.unemploymentReg ?? { regDate: request.changeDate, certNo: `SY${request.changeDate}${card.cardNo.slice(-6)}` })
        : code === '11'
          ? null
          : card.unemploymentReg,
  });
}

/** 社保卡注销 by the bureau's rules: for a death (注销原因 01), on an open card; its insurance ends with it. */
export function decideCardClose(cards: ReadonlyMap<string, CardFacts>, request: z.infer<typeof cardCloseRequestSchema>): Decision {
  const card = openCard(cards, request.cardNo);
  if ('answer' in card) return card;
  if (request.closeReason !== CLOSE_REASON_DEATH) return refused(30005, `注销原因代码 ${request.closeReason} 无效`);
  return done({ ...card, closeDate: request.closeDate });
}

/**
 * The bureau's business journal (业务流水, one JSON line per business number): what makes
 * its changes to cards outlive a restart and its business numbers idempotent. A business
 * is answered only once its line is written.
 */
export class CardBusiness {
  private readonly answers = new Map<string, Promise<BusinessAnswer>>();
  private tail: Promise<void> = Promise.resolve();

  private constructor(
    private readonly cards: Map<string, CardFacts>,
    private readonly journalFile: string,
  ) {}

  /** The journal replayed over `cards` (changed in place). */
  static async open(cards: Map<string, CardFacts>, journalFile: string): Promise<CardBusiness> {
    const business = new CardBusiness(cards, journalFile);
    for (const { reqNo, answer, card } of await readJournal<{ reqNo: string } & Decision>(journalFile)) {
      if (card) cards.set(card.cardNo, card);
      business.answers.set(reqNo, Promise.resolve(answer));
    }
    return business;
  }

  /** The first answer given to `reqNo`, or `decide`'s, applied and journaled. */
  submit(reqNo: string, decide: (cards: ReadonlyMap<string, CardFacts>) => Decision): Promise<BusinessAnswer> {
    const first = this.answers.get(reqNo);
    if (first) return first;
    const { answer, card } = decide(this.cards);
    const result = { ...answer, result: { reqNo } };
    if (card) this.cards.set(card.cardNo, card);
    const written = this.tail.then(() => appendFile(this.journalFile, `${JSON.stringify({ reqNo, answer: result, card })}\n`));
    this.tail = written.catch(() => undefined);
    const answered = written.then(() => result);
    this.answers.set(reqNo, answered);
    // Unjournaled, the business is not done: the submitter's retry is decided afresh.
    answered.catch(() => this.answers.delete(reqNo));
    return answered;
  }
}
