import { z } from 'zod';

/**
 * The household-registration system's own JSON, field names as it spells them
 * (upper-case pinyin initials). Shared by the adapter, which parses it, and the stand-in,
 * which serves it.
 */

/** 居住证: residence permit of the floating population, dates `YYYYMMDD`. */
export const RawResidencePermit = z.object({
  JZZBH: z.string(),
  QFRQ: z.string(),
  YXQZ: z.string(),
});

/** 人口信息: one person as the system stores them. */
export const RawPerson = z.object({
  /** 人员编号: the system's own key for the record. */
  RYBH: z.string(),
  GMSFHM: z.string(),
  XM: z.string(),
  XB: z.string(),
  MZ: z.string(),
  CSRQ: z.string(),
  HYZK: z.string(),
  HH: z.string(),
  YHZGX: z.string(),
  HJDZ: z.string(),
  RKLX: z.string(),
  JZZ: RawResidencePermit.nullish(),
  /** 户口状态: 1 正常, 2 死亡注销, 3 迁出注销; absent on records kept before the field, which are 正常. */
  HKZT: z.enum(['1', '2', '3']).optional(),
  /** 注销日期 `YYYYMMDD`, on a deregistered record. */
  ZXRQ: z.string().optional(),
});
export type RawPerson = z.infer<typeof RawPerson>;

/** 户信息: a registered household and its members. */
export const RawHousehold = z.object({
  HH: z.string(),
  HJDZ: z.string(),
  CY: z.array(z.object({ GMSFHM: z.string(), YHZGX: z.string() })),
});
export type RawHousehold = z.infer<typeof RawHousehold>;

/**
 * 统计导出: the statistics export, one row per stored person with only the fields the
 * street's statistics are counted by (no name, address or household).
 */
export const RawStatisticsRow = RawPerson.pick({ GMSFHM: true, XB: true, CSRQ: true, RKLX: true });
export type RawStatisticsRow = z.infer<typeof RawStatisticsRow>;

/** The system accepts at most this many records per page. */
export const MAX_PAGE_SIZE = 500;
/** Export rows are small, so the export pages are larger: a pilot street is four pages. */
export const MAX_EXPORT_PAGE_SIZE = 5000;
export const SUCCESS_CODE = '0000';

export interface PageRequest {
  PAGE: number;
  PAGE_SIZE: number;
}

const makePageOf = <T extends z.ZodType>(record: T) =>
  z.object({
    CODE: z.literal(SUCCESS_CODE),
    MSG: z.string(),
    TOTAL: z.number().int().nonnegative(),
    PAGE: z.number().int().positive(),
    PAGE_SIZE: z.number().int().positive(),
    RECORDS: z.array(record),
  });
const pageSchemas = new WeakMap<z.ZodType, z.ZodType>();

/**
 * The schema of a page of `record`s, made once per record schema: zod builds a schema's
 * checks when it first parses with it, and a schema made per request (a lookup is one) cost
 * public security's subgraph about 3 % of its CPU making and compiling it again.
 */
export function pageOf<T extends z.ZodType>(record: T): ReturnType<typeof makePageOf<T>> {
  const made = pageSchemas.get(record) ?? makePageOf(record);
  pageSchemas.set(record, made);
  return made as ReturnType<typeof makePageOf<T>>;
}
export type Page<T> = { CODE: string; MSG: string; TOTAL: number; PAGE: number; PAGE_SIZE: number; RECORDS: T[] };

/** Every refusal, whatever the status: `E` and a number, and a message for people. */
export const RawError = z.object({ CODE: z.string(), MSG: z.string() });
export type RawError = z.infer<typeof RawError>;

export const PATHS = {
  persons: '/api/rkxx/query',
  households: '/api/hhxx/query',
  /** 校验异常: persons whose stored citizen ID fails the system's own check. */
  invalidIds: '/api/rkxx/jyyc',
  /** 统计导出: every stored person's statistics fields, paged. */
  statisticsExport: '/api/rkxx/tjdc',
} as const;
