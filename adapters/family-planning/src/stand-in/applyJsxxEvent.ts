import { citizenIdFacts, normalizeCitizenId } from '@resident-graph/schemas';
import { JSXX_EVENT_TYPES, type JsxxEvent } from '../jsxx/jsxxEvent';
import { fromJsxxDate } from '../jsxx/jsxxDate';
import { JsxxFormatError } from '../jsxx/JsxxFormatError';
import { nodesOf, type XmlNode } from '../jsxx/xmlNodes';
import type { StandInData } from './readStandInData';

/** What the service decided: accepted (with the number of what it registered or opened), or refused and why. */
export type JsxxEventOutcome = { accepted: true; BLBH?: string } | { accepted: false; reason: string };

/** A `<Person>`'s elements in the order the WSDL gives them. */
const PERSON_ELEMENTS = ['GRBH', 'SFZH', 'XM', 'YLFNBZ', 'Child', 'SYDJ', 'DSZNZ', 'JLFZ', 'LDRK', 'PO'];

/** Puts a record's elements back in the WSDL's order after some were added. */
function inOrder(person: XmlNode): void {
  for (const name of PERSON_ELEMENTS) {
    if (!(name in person)) continue;
    const value = person[name];
    delete person[name];
    person[name] = value;
  }
}

const refused = (reason: string): JsxxEventOutcome => ({ accepted: false, reason });

/** Birth date and sex by the ID as stored, when it is a valid ID. */
function factsOf(storedId: string): { birthDate: string; female: boolean } | null {
  const id = normalizeCitizenId(storedId);
  if (!id.ok) return null;
  const facts = citizenIdFacts(id.id);
  return { birthDate: facts.birthDate.replaceAll('-', ''), female: facts.gender === 'FEMALE' };
}

/** 育龄妇女: a woman aged 15 to 49 on `on` (`YYYYMMDD`). */
function childBearingAge(storedId: string, on: string): boolean {
  const facts = factsOf(storedId);
  if (!facts?.female) return false;
  const age = Number(on.slice(0, 4)) - Number(facts.birthDate.slice(0, 4)) - (on.slice(4) < facts.birthDate.slice(4) ? 1 : 0);
  return age >= 15 && age <= 49;
}

const highest = (numbers: readonly string[], pattern: RegExp): number => numbers.reduce((max, text) => Math.max(max, Number(pattern.exec(text)?.[1] ?? 0)), 0);

/** Opens a record (建档) under the ID as reported. The report names no one: 姓名 stays empty until staff complete it. */
function openRecord(data: StandInData, storedId: string, on: string): XmlNode {
  const GRBH = `JS${String(
    highest(
      data.ids.map((id) => id.GRBH),
      /^JS(\d+)$/,
    ) + 1,
  ).padStart(10, '0')}`;
  const person: XmlNode = { GRBH, SFZH: storedId, XM: '', YLFNBZ: childBearingAge(storedId, on) ? '1' : '0' };
  data.byStoredId.set(storedId, [...(data.byStoredId.get(storedId) ?? []), person]);
  data.ids.push({ GRBH, SFZH: storedId, XM: '' });
  return person;
}

const recordOf = (data: StandInData, storedId: string | undefined): XmlNode | undefined => (storedId ? data.byStoredId.get(storedId)?.[0] : undefined);

function required(event: JsxxEvent, name: 'DZ' | 'ZNXM' | 'ZNXB'): string {
  const value = event[name];
  if (value === undefined || value === '') throw new JsxxFormatError(`ReportEvent: <${name}> missing`);
  return value;
}

function moveIn(data: StandInData, event: JsxxEvent): JsxxEventOutcome {
  const XJZD = required(event, 'DZ');
  const held = recordOf(data, event.SFZH);
  const person = held ?? openRecord(data, event.SFZH, event.FSRQ);
  person.LDRK = { LRRQ: event.FSRQ, XJZD };
  inOrder(person);
  return { accepted: true, ...(held ? {} : { BLBH: String(person.GRBH) }) };
}

function moveOut(data: StandInData, event: JsxxEvent): JsxxEventOutcome {
  const QWD = required(event, 'DZ');
  const person = recordOf(data, event.SFZH);
  // Nothing held, nothing to transfer.
  if (!person) return { accepted: true };
  person.LDRK = { ...(typeof person.LDRK === 'object' ? person.LDRK : {}), LCRQ: event.FSRQ, QWD };
  inOrder(person);
  return { accepted: true };
}

/** 生育登记: the child on the mother's record (and the father's, if held), with one registration numbered for the year. */
function birth(data: StandInData, event: JsxxEvent, registeredOn: string, regionCode: string): JsxxEventOutcome {
  const mother = recordOf(data, event.SFZH);
  if (!mother) return refused(`无该育龄妇女档案：${event.SFZH}（生育登记须先有母亲档案）`);
  const facts = factsOf(event.SFZH);
  if (facts && !facts.female) return refused(`身份证号 ${event.SFZH} 为男性，不能登记为母亲`);
  if (facts && event.FSRQ < facts.birthDate) return refused(`出生日期 ${event.FSRQ} 早于母亲出生日期 ${facts.birthDate}`);
  const child = { SFZH: '', XM: required(event, 'ZNXM'), XB: required(event, 'ZNXB'), CSRQ: event.FSRQ };
  if (!/^[0129]$/.test(child.XB)) throw new JsxxFormatError(`ReportEvent: "${child.XB}" is not a GB/T 2261.1 sex code`);
  const children = nodesOf(mother, 'Child', 'Person');
  if (children.some((known) => known.XM === child.XM && known.CSRQ === child.CSRQ)) {
    return refused(`子女 ${child.XM}（${child.CSRQ}）已登记`);
  }
  const prefix = `SY${regionCode}-${registeredOn.slice(0, 4)}-`;
  const registrations = [...data.byStoredId.values()].flat().flatMap((person) => nodesOf(person, 'SYDJ', 'Person').map((sydj) => String(sydj.DJBH)));
  const DJBH = `${prefix}${String(highest(registrations, new RegExp(`^${prefix}(\\d+)$`)) + 1).padStart(5, '0')}`;
  const registration = { DJBH, DJRQ: registeredOn, HC: String(children.length + 1) };
  const father = recordOf(data, event.POSFZH);
  for (const parent of father && father !== mother ? [mother, father] : [mother]) {
    parent.Child = [...nodesOf(parent, 'Child', 'Person'), { ...child }];
    parent.SYDJ = [...nodesOf(parent, 'SYDJ', 'Person'), { ...registration }];
    inOrder(parent);
  }
  return { accepted: true, BLBH: DJBH };
}

/** The couple's records name each other (配偶); the wife, a family-planning client from marriage, gets a record if she has none. */
function marriage(data: StandInData, event: JsxxEvent): JsxxEventOutcome {
  const spouse = event.POSFZH;
  if (!spouse) throw new JsxxFormatError('ReportEvent: <POSFZH> missing');
  let opened: string | undefined;
  for (const [party, other] of [
    [event.SFZH, spouse],
    [spouse, event.SFZH],
  ] as const) {
    let person = recordOf(data, party);
    if (!person && factsOf(party)?.female) {
      person = openRecord(data, party, event.FSRQ);
      opened = String(person.GRBH);
    }
    if (!person) continue;
    person.PO = { SFZH: other, JHRQ: event.FSRQ };
    inOrder(person);
  }
  return { accepted: true, ...(opened ? { BLBH: opened } : {}) };
}

/**
 * Applies one event to the service's records by its rules. `registeredOn` is the service's
 * date of registration (`YYYYMMDD`), kept with the event so replaying it gives the same records.
 */
export function applyJsxxEvent(data: StandInData, event: JsxxEvent, registeredOn: string, regionCode: string): JsxxEventOutcome {
  fromJsxxDate(event.FSRQ, 'ReportEvent/FSRQ');
  switch (event.SJLX) {
    case JSXX_EVENT_TYPES.MOVE_IN:
      return moveIn(data, event);
    case JSXX_EVENT_TYPES.MOVE_OUT:
      return moveOut(data, event);
    case JSXX_EVENT_TYPES.BIRTH:
      return birth(data, event, registeredOn, regionCode);
    case JSXX_EVENT_TYPES.MARRIAGE:
      return marriage(data, event);
    default:
      throw new JsxxFormatError(`ReportEvent: unknown 事件类型 "${event.SJLX}"`);
  }
}
