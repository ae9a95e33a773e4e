/** 事件类型 (SJLX): the events the service registers. */
export const JSXX_EVENT_TYPES = {
  /** 流入: a floating resident moves in; the record is checked or opened (流动人口婚育证明). */
  MOVE_IN: '01',
  /** 流出: the resident moves away; the record is marked transferred. */
  MOVE_OUT: '02',
  /** 生育登记: a child born; added to the parents' records with a birth registration. */
  BIRTH: '03',
  /** 结婚: the couple's records name each other; the wife's is opened if the service holds none. */
  MARRIAGE: '04',
} as const;
export type JsxxEventKind = keyof typeof JSXX_EVENT_TYPES;

/**
 * `ReportEvent` (事件报告), as sent. The 业务编号 is the reporter's idempotency key: the
 * service keeps every number it applied with its outcome, and the same number again changes
 * nothing and answers the same (a refusal as the same fault).
 */
export interface JsxxEvent {
  /** 业务编号 */
  YWBH: string;
  /** 事件类型 (`JSXX_EVENT_TYPES`) */
  SJLX: string;
  /** 发生日期, `YYYYMMDD` */
  FSRQ: string;
  /** 当事人身份证号 as the service stores it; for a birth, the mother. */
  SFZH: string;
  /** 配偶身份证号: the other party of a marriage, the father of a birth (optional there). */
  POSFZH?: string;
  /** 地址: 现居住地 moving in, 迁往地 moving out. */
  DZ?: string;
  /** 子女姓名, 子女性别 (GB/T 2261.1) of a birth. */
  ZNXM?: string;
  ZNXB?: string;
}

/** What `ReportEventResponse` carries when the service accepted the event. */
export interface JsxxEventReceipt {
  /** 业务编号 echoed */
  YWBH: string;
  /** 处理结果: `1` 受理 */
  CLJG: '1';
  /** 办理编号: the birth registration's 登记编号 or the record opened, when there is one. */
  BLBH?: string;
}
