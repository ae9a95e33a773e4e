import { z } from 'zod';
import { EMPLOYMENT_STATUS_BY_CODE } from './bureauCodes';

/** The bureau's query API: current employment facts per social security card. */
export const CARDS_QUERY_PATH = '/api/v1/cards/query';
export const STATUS_PATH = '/api/v1/status';
/** The bureau's filter: the numbers of the cards whose 就业状态代码 is one of those asked. */
export const CARDS_BY_STATUS_PATH = '/api/v1/cards/by-status';

export interface CardsQuery {
  cardNumbers: string[];
}

const bureauDate = z.string().regex(/^\d{8}$/);

export const cardFactsSchema = z.object({
  cardNo: z.string().min(1),
  /** 就业状态代码, `null` when the card has no employment record. */
  jobStatus: z.enum(Object.keys(EMPLOYMENT_STATUS_BY_CODE) as [string, ...string[]]).nullable(),
  /** 下岗标志. */
  laidOffFlag: z.enum(['0', '1']),
  /** 登记失业: date and 失业登记证 number. */
  unemploymentReg: z.object({ regDate: bureauDate, certNo: z.string().min(1) }).nullable(),
  skillCerts: z.array(z.object({ certName: z.string().min(1), certLevel: z.string(), issueDate: bureauDate })),
  /** 注销日期: the card closed (its insurance ended); absent on an open card. */
  closeDate: bureauDate.optional(),
});
export type CardFacts = z.infer<typeof cardFactsSchema>;

/** `retCode` 0 is success; cards the bureau does not know are left out of `result`. */
export const cardsAnswerSchema = z.object({
  retCode: z.literal(0),
  retMsg: z.string(),
  result: z.array(cardFactsSchema),
});
export type CardsAnswer = z.infer<typeof cardsAnswerSchema>;

export interface CardsByStatusQuery {
  jobStatuses: string[];
}

export const cardsByStatusAnswerSchema = z.object({
  retCode: z.literal(0),
  retMsg: z.string(),
  result: z.array(z.string().min(1)),
});

/** What the API answers instead when it refuses a request. */
export const cardsApiErrorSchema = z.object({ retCode: z.number().int(), retMsg: z.string() });
export type CardsApiError = z.infer<typeof cardsApiErrorSchema>;

/**
 * The bureau's business API (业务办理): each request carries the submitter's business
 * number (`reqNo`), which the bureau keeps with its answer, so the same number again
 * changes nothing and is answered alike. `retCode` 0 is done; a refusal by the bureau's
 * rules is a 3xxxx code with its reason, still HTTP 200 (a malformed request is HTTP 400).
 */
/** 就业失业登记: records a card's new employment status. */
export const JOB_STATUS_PATH = '/api/v1/cards/job-status';
/** 社保卡注销: closes a card, its insurance ended. */
export const CARD_CLOSE_PATH = '/api/v1/cards/close';

export interface JobStatusRequest {
  reqNo: string;
  cardNo: string;
  /** 就业状态代码. */
  jobStatus: string;
  /** `YYYYMMDD`. */
  changeDate: string;
}

/** 注销原因: 01 死亡. */
export const CLOSE_REASON_DEATH = '01';

export interface CardCloseRequest {
  reqNo: string;
  cardNo: string;
  closeReason: string;
  /** `YYYYMMDD`. */
  closeDate: string;
}

export const businessAnswerSchema = z.object({ retCode: z.number().int(), retMsg: z.string(), result: z.object({ reqNo: z.string() }).optional() });
export type BusinessAnswer = z.infer<typeof businessAnswerSchema>;
