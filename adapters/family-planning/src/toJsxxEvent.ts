import { GENDER_CODES, type Gender, type ReportedChange } from '@resident-graph/schemas';
import { JSXX_EVENT_TYPES, type JsxxEvent, type JsxxEventKind } from './jsxx/jsxxEvent';
import { toJsxxDate } from './jsxx/jsxxDate';

const genderCode = (gender: Gender): string => Object.entries(GENDER_CODES).find(([, value]) => value === gender)![0];

const isJsxxEvent = (kind: ReportedChange['kind']): kind is JsxxEventKind => Object.hasOwn(JSXX_EVENT_TYPES, kind);

function member<T>(value: T | null | undefined, kind: string, name: string): T {
  if (value === null || value === undefined) throw new Error(`${kind} change without its ${name}`);
  return value;
}

/**
 * The change as the service's `ReportEvent`, persons keyed as it stores them (`storedIdOf`);
 * `null` for a kind the service registers no event for.
 */
export function toJsxxEvent(change: ReportedChange, idempotencyKey: string, storedIdOf: (citizenId: string) => string): JsxxEvent | null {
  const { kind } = change;
  if (!isJsxxEvent(kind)) return null;
  const event = { YWBH: idempotencyKey, SJLX: JSXX_EVENT_TYPES[kind], FSRQ: toJsxxDate(change.occurredOn) };
  const resident = () => storedIdOf(member(change.residentId, kind, 'resident'));
  switch (kind) {
    case 'MOVE_IN':
      return { ...event, SFZH: resident(), DZ: member(change.move, kind, 'move').address };
    case 'MOVE_OUT':
      return { ...event, SFZH: resident(), DZ: member(change.moveOut, kind, 'destination').toAddress };
    case 'MARRIAGE':
      return { ...event, SFZH: resident(), POSFZH: storedIdOf(member(change.spouse, kind, 'spouse').spouseId) };
    case 'BIRTH': {
      const birth = member(change.birth, kind, 'birth');
      return {
        ...event,
        SFZH: storedIdOf(birth.motherId),
        ...(birth.fatherId ? { POSFZH: storedIdOf(birth.fatherId) } : {}),
        ZNXM: birth.childName,
        ZNXB: genderCode(birth.childGender),
      };
    }
  }
}
