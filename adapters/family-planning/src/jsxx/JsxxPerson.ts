/** 子女: a child as listed on a parent's record. */
export interface JsxxChild {
  /** 身份证号: empty for a newborn public security has not yet issued an ID. */
  SFZH: string;
  /** 姓名 */
  XM: string;
  /** 性别, GB/T 2261.1 code */
  XB: string;
  /** 出生日期, `YYYYMMDD` */
  CSRQ: string;
}

/** 生育登记: a birth registration. */
export interface JsxxBirthRegistration {
  /** 登记编号 */
  DJBH: string;
  /** 登记日期, `YYYYMMDD` */
  DJRQ: string;
  /** 孩次: the child's order among the parents' children */
  HC: string;
}

/** 人员: one person's record as the system stores and answers it. */
export interface JsxxPerson {
  /** 个人编号: the system's own record number. */
  GRBH: string;
  /** 身份证号, exactly as stored (may be 15-digit, formatted or mistyped). */
  SFZH: string;
  /** 姓名, as the department holds it. */
  XM: string;
  /** 育龄妇女标志: `1` for a woman of child-bearing age (15–49). */
  YLFNBZ: '0' | '1';
  Child: JsxxChild[];
  SYDJ: JsxxBirthRegistration[];
  /** 独生子女证: 证号 certificate number, 发证日期 issue date. */
  DSZNZ?: { ZH: string; FZRQ: string };
  /** 奖励扶助: 开始日期 since, 年金额 amount per year in yuan. */
  JLFZ?: { KSRQ: string; NJE: string };
}

/** What `ListPersonIds` answers per stored record. */
export type JsxxPersonId = Pick<JsxxPerson, 'GRBH' | 'SFZH' | 'XM'>;
