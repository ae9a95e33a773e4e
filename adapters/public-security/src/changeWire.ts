import { z } from 'zod';
import type { ChangeKind } from '@resident-graph/schemas';
import { SUCCESS_CODE } from './wireFormat';

/**
 * The household-registration system's change business (人口变更), in its own JSON: a
 * submission (申报) under the business serial number the submitter gives (业务流水号,
 * the idempotency key: the same number again is answered with the first result and
 * changes nothing), and a pre-check (预审) that changes nothing. Shared by the adapter,
 * which sends them, and the stand-in, which serves them.
 */
export const CHANGE_PATHS = {
  /** 变更申报. */
  submit: '/api/rkbg/sb',
  /** 变更预审. */
  check: '/api/rkbg/ys',
} as const;

/** 变更类型 (BGLX): the register's codes for the kinds of change it takes. */
export const CHANGE_TYPE_BY_KIND: Readonly<Partial<Record<ChangeKind, string>>> = {
  MOVE_IN: '11',
  MOVE_OUT: '12',
  ADDRESS_CHANGE: '13',
  BIRTH: '21',
  DEATH: '22',
  MARRIAGE: '31',
  DIVORCE: '32',
};

/** 户口状态 (HKZT) of a person: absent on records registered before the field existed, which are 正常. */
export const REGISTRATION_STATUS = { registered: '1', deceased: '2', movedOut: '3' } as const;

/** One change as the register takes it. */
export const RawChangeRequest = z.object({
  /** 业务流水号: absent on a pre-check. */
  YWLSH: z.string().min(1).max(64).optional(),
  BGLX: z.enum(Object.values(CHANGE_TYPE_BY_KIND) as [string, ...string[]]),
  /** 当事人公民身份号码; for a birth, the mother's. */
  GMSFHM: z.string().min(1),
  /** 变更日期 `YYYYMMDD`. */
  BGRQ: z.string().regex(/^\d{8}$/),
  /** 新户籍地址 (迁入, 地址变更). */
  XHJDZ: z.string().min(1).optional(),
  /** 迁往地址 (迁出). */
  QWDZ: z.string().min(1).optional(),
  /** 配偶公民身份号码 (结婚, 离婚). */
  POGMSFHM: z.string().min(1).optional(),
  /** 新生儿 (出生): name, sex code, the father's ID when known. */
  XSE: z.object({ XM: z.string().min(1), XB: z.string(), FQGMSFHM: z.string().optional() }).optional(),
});
export type RawChangeRequest = z.infer<typeof RawChangeRequest>;

/** 受理结果: 1 受理 (applied), 2 不予受理 (refused by the register's rules, 不予受理原因 saying why). */
export const RawChangeResult = z.object({
  YWLSH: z.string(),
  SLJG: z.enum(['1', '2']),
  BYSLYY: z.string().optional(),
  /** 新生儿公民身份号码, assigned on a birth. */
  XSEGMSFHM: z.string().optional(),
});
export type RawChangeResult = z.infer<typeof RawChangeResult>;

export const RawChangeAnswer = z.object({ CODE: z.literal(SUCCESS_CODE), MSG: z.string(), JG: RawChangeResult });
export type RawChangeAnswer = z.infer<typeof RawChangeAnswer>;

/** 预审结果: 1 可以办理, 0 不可办理 with 原因. */
export const RawCheckAnswer = z.object({
  CODE: z.literal(SUCCESS_CODE),
  MSG: z.string(),
  JG: z.object({ KYBL: z.enum(['1', '0']), YY: z.string().optional() }),
});
export type RawCheckAnswer = z.infer<typeof RawCheckAnswer>;
