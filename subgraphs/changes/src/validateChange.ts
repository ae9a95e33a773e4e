import { GraphQLError } from 'graphql';
import { CHANGE_MEMBER, type ChangeFacts, type ReportedChange } from '@resident-graph/schemas';

const MEMBERS: readonly (keyof ChangeFacts)[] = ['move', 'moveOut', 'birth', 'spouse', 'employment'];

export const badInput = (message: string): GraphQLError => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/** A report as given: a resident may be left out altogether. */
export type ChangeInput = Omit<ReportedChange, 'residentId'> & { residentId?: string | null };

const blank = (text: string) => text.trim().length === 0;

/** Longest free text a report may carry: an address or a name, as the departments' forms hold them. */
export const MAX_TEXT_LENGTH = 200;
// Control characters (NUL, line breaks, bidirectional overrides) are never part of a name or an address.
const CONTROL = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

/** Why a text the reporter typed cannot be delivered as it is, or `null`. */
function textProblem(name: string, text: string): string | null {
  if (CONTROL.test(text)) return `${name} contains a control character`;
  if ([...text].length > MAX_TEXT_LENGTH) return `${name} is longer than ${MAX_TEXT_LENGTH} characters`;
  return null;
}

/** A calendar date: `2026-02-30` has the form but names no day. */
const isCalendarDate = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;

/**
 * A report's input as it can be, on its own: exactly the member its kind needs, a resident
 * unless it is a birth, no date after `today`, no empty text, no one married to or parent
 * with themselves. What the graph must be asked (grids, earlier reports, departments) comes
 * after. Returns the change exactly as it will be delivered.
 */
export function validateChange(input: ChangeInput, today: string): ReportedChange {
  const { kind } = input;
  const needed = CHANGE_MEMBER[kind];
  if (needed && !input[needed]) throw badInput(`${kind} needs ${needed}`);
  const extra = MEMBERS.filter((member) => member !== needed && input[member] != null);
  if (extra.length > 0) throw badInput(`${kind} takes ${needed ?? 'no member'}, not ${extra.join(', ')}`);
  if (kind === 'BIRTH' && input.residentId != null) throw badInput('a birth names the parents in birth, not residentId (the child has no citizen ID yet)');
  if (kind !== 'BIRTH' && input.residentId == null) throw badInput(`${kind} needs residentId: whom it is about`);
  if (!isCalendarDate(input.occurredOn)) throw badInput(`occurredOn ${input.occurredOn} is no such date`);
  if (input.occurredOn > today) throw badInput(`occurredOn ${input.occurredOn} is in the future (today is ${today})`);
  const texts: [string, string | undefined][] = [
    ['move.gridId', input.move?.gridId],
    ['move.address', input.move?.address],
    ['moveOut.toAddress', input.moveOut?.toAddress],
    ['birth.childName', input.birth?.childName],
  ];
  for (const [name, text] of texts) {
    const problem = text === undefined ? null : textProblem(name, text);
    if (problem) throw badInput(problem);
  }
  if (input.move && (blank(input.move.address) || blank(input.move.gridId))) throw badInput('move needs a grid and an address');
  if (input.moveOut && blank(input.moveOut.toAddress)) throw badInput('moveOut needs the address moved to');
  if (input.birth) {
    if (blank(input.birth.childName)) throw badInput("birth needs the child's name");
    if (input.birth.fatherId != null && input.birth.fatherId === input.birth.motherId) throw badInput('the mother and the father are one person');
  }
  if (input.spouse && input.spouse.spouseId === input.residentId) throw badInput(`${kind} names the resident as their own spouse`);
  const member = needed ? { [needed]: { ...input[needed] } } : {};
  return { kind, residentId: input.residentId ?? null, occurredOn: input.occurredOn, ...member };
}

/** The resident a change is about, for jurisdiction: the subject, or a birth's mother. */
export const subjectOf = (change: ReportedChange): string => change.residentId ?? change.birth!.motherId;

/** Every resident a change names: what the audit entry lists and the earlier-report rules look up. */
export const partiesOf = (change: ReportedChange): string[] =>
  [...new Set([change.residentId, change.birth?.motherId, change.birth?.fatherId, change.spouse?.spouseId].filter((id): id is string => id != null))].sort();
