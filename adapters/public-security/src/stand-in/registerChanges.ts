import { checkCharacter, normalizeCitizenId } from '@resident-graph/schemas';
import { CHANGE_TYPE_BY_KIND, REGISTRATION_STATUS, type RawChangeRequest } from '../changeWire';
import type { RawHousehold, RawPerson } from '../wireFormat';
import type { PopulationRegister } from './PopulationRegister';

/** What a change does to the register: the records it rewrites or adds, whole. */
export interface RegisterWrite {
  persons: RawPerson[];
  households: RawHousehold[];
  /** The ID a birth assigned to the child. */
  childId?: string;
}

export type RegisterDecision = { ok: true; write: RegisterWrite } | { ok: false; reason: string };

const T = CHANGE_TYPE_BY_KIND;
const MARRIED = /^2\d$/;
const refuse = (reason: string): RegisterDecision => ({ ok: false, reason });
const active = (person: RawPerson) => (person.HKZT ?? REGISTRATION_STATUS.registered) === REGISTRATION_STATUS.registered;

function isDate(yyyymmdd: string): boolean {
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso);
}

/** The household without `person`, when they were in it. */
function leaving(register: PopulationRegister, person: RawPerson): RawHousehold[] {
  const household = person.HH === '' ? undefined : register.householdsOf([person.HH])[0];
  return household ? [{ ...household, CY: household.CY.filter((member) => member.GMSFHM !== person.GMSFHM) }] : [];
}

/** 与户主关系 of a newborn, from the mother's: the head's child, or grandchild when the mother is the head's child. */
function childRelation(mother: RawPerson, childSex: string): string {
  if (['01', '02', '10'].includes(mother.YHZGX)) return childSex === '1' ? '20' : '30';
  if (/^[23]\d$/.test(mother.YHZGX)) return '40';
  return '99';
}

/** The next free citizen ID (GB 11643) of the mother's region and the birth date, its sequence odd for a boy and even for a girl. */
function newCitizenId(register: PopulationRegister, region: string, birthDate: string, sex: string): string | null {
  for (let sequence = sex === '1' ? 1 : 2; sequence <= 999; sequence += 2) {
    const first17 = `${region}${birthDate}${String(sequence).padStart(3, '0')}`;
    const id = first17 + checkCharacter(first17);
    if (register.persons([id]).length === 0) return id;
  }
  return null;
}

/**
 * The register's own rules for a change (人口变更业务规则): who must be on record and
 * registered (正常), what marital status a marriage or a divorce needs, who a birth is
 * registered with. Decides without writing anything, so the pre-check asks the same rules.
 */
export function decideChange(register: PopulationRegister, request: RawChangeRequest, today: string): RegisterDecision {
  if (!isDate(request.BGRQ)) return refuse(`变更日期 ${request.BGRQ} 不是有效日期`);
  if (request.BGRQ > today) return refuse('变更日期晚于受理日期');
  const person = register.persons([request.GMSFHM])[0];
  if (!person) return refuse('无此人员户籍信息');
  if (person.HKZT === REGISTRATION_STATUS.deceased) return refuse('该人员已死亡注销户口');
  // Only a move in brings a moved-out person back onto the register.
  if (!active(person) && request.BGLX !== T.MOVE_IN) return refuse('该人员户口已迁出注销');
  switch (request.BGLX) {
    case T.MOVE_IN:
      if (!request.XHJDZ) return refuse('缺少新户籍地址');
      // Moving the registration in makes a floating resident permanent: the residence permit is no longer needed.
      return {
        ok: true,
        write: { persons: [{ ...person, HJDZ: request.XHJDZ, RKLX: '1', HKZT: REGISTRATION_STATUS.registered, ZXRQ: undefined, JZZ: null }], households: [] },
      };
    case T.ADDRESS_CHANGE:
      if (!request.XHJDZ) return refuse('缺少新户籍地址');
      // A floating resident's registration is elsewhere: where they live is their residence permit's business.
      if (person.RKLX !== '1') return refuse('流动人口户籍不在本辖区，不予办理户籍地址变更');
      return { ok: true, write: { persons: [{ ...person, HJDZ: request.XHJDZ }], households: [] } };
    case T.MOVE_OUT:
      if (person.RKLX !== '1') return refuse('流动人口户籍不在本辖区，不予办理迁出');
      return {
        ok: true,
        write: { persons: [{ ...person, HKZT: REGISTRATION_STATUS.movedOut, ZXRQ: request.BGRQ }], households: leaving(register, person) },
      };
    case T.DEATH:
      return {
        ok: true,
        write: { persons: [{ ...person, HKZT: REGISTRATION_STATUS.deceased, ZXRQ: request.BGRQ }], households: leaving(register, person) },
      };
    case T.MARRIAGE:
    case T.DIVORCE: {
      const spouse = request.POGMSFHM === undefined ? undefined : register.persons([request.POGMSFHM])[0];
      if (!spouse) return refuse('无配偶户籍信息');
      if (!active(spouse)) return refuse('配偶户口已注销');
      const marrying = request.BGLX === T.MARRIAGE;
      for (const party of [person, spouse]) {
        if (marrying && MARRIED.test(party.HYZK)) return refuse(`${party.XM} 婚姻状况为已婚，不予办理结婚`);
        if (!marrying && !MARRIED.test(party.HYZK)) return refuse(`${party.XM} 婚姻状况非已婚，不予办理离婚`);
      }
      const HYZK = marrying ? '20' : '40';
      return { ok: true, write: { persons: [person, spouse].map((party) => ({ ...party, HYZK })), households: [] } };
    }
    case T.BIRTH:
      return registerBirth(register, person, request);
    default:
      return refuse(`变更类型 ${request.BGLX} 不予受理`);
  }
}

function registerBirth(register: PopulationRegister, mother: RawPerson, request: RawChangeRequest): RegisterDecision {
  const child = request.XSE;
  if (!child) return refuse('缺少新生儿信息');
  if (child.XB !== '1' && child.XB !== '2') return refuse('新生儿性别代码须为1或2');
  const motherId = normalizeCitizenId(mother.GMSFHM);
  if (!motherId.ok) return refuse('母亲公民身份号码校验异常');
  const childId = newCitizenId(register, motherId.id.slice(0, 6), request.BGRQ, child.XB);
  if (!childId) return refuse('当日出生登记顺序码已用尽');
  const person: RawPerson = {
    RYBH: register.nextRecordNumber(),
    GMSFHM: childId,
    XM: child.XM,
    XB: child.XB,
    MZ: mother.MZ,
    CSRQ: request.BGRQ,
    HYZK: '10',
    HH: mother.HH,
    YHZGX: mother.HH === '' ? '' : childRelation(mother, child.XB),
    HJDZ: mother.HJDZ,
    RKLX: mother.RKLX,
    HKZT: REGISTRATION_STATUS.registered,
  };
  const household = mother.HH === '' ? undefined : register.householdsOf([mother.HH])[0];
  const households = household ? [{ ...household, CY: [...household.CY, { GMSFHM: childId, YHZGX: person.YHZGX }] }] : [];
  return { ok: true, write: { persons: [person], households, childId } };
}
