import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CHANGE_KINDS, CHANGE_MEMBER, CHANGE_RULES } from '@resident-graph/schemas';
import { REPO_ROOT } from './repoPaths';

export const CHANGES_DOC = path.join(REPO_ROOT, 'docs', 'changes.md');

/** Who acts on which reported change, and in how many days: CHANGE_RULES (schemas/src/changes.ts) as a page. */
export function renderChangesDoc(): string {
  const sections = CHANGE_KINDS.flatMap((kind) => [
    `## ${kind}`,
    '',
    `Names: ${CHANGE_MEMBER[kind] ? `\`${CHANGE_MEMBER[kind]}\`` : 'no member beyond the resident and the date'}${kind === 'BIRTH' ? ' (no `residentId`: the child has none yet)' : ''}.`,
    '',
    '| department | limit (days) | what it does |',
    '|---|---|---|',
    ...CHANGE_RULES[kind].map((duty) => `| ${duty.department} | ${duty.limitDays} | ${duty.action} |`),
    '',
  ]);
  return [
    '# Reported changes: who acts, within what time',
    '',
    'Generated from `CHANGE_RULES` in `schemas/src/changes.ts` by `npm run docs:changes`; a test fails when this',
    'file and the table differ. A change reported once (`reportChange`) is delivered to every department listed',
    "for its kind, and to no other. Each delivery's deadline is the report's time plus the department's limit in",
    'calendar days (`CHANGE_LIMITS_JSON` on the changes service may change a limit). An open delivery is GREEN, YELLOW',
    'in the last part of its time (`CHANGES_YELLOW_FRACTION`, 20 % by default) and RED past its deadline; a decided',
    'one is GREEN, with `late` saying whether it was decided after its deadline.',
    '',
    "A department gets one resident's changes in the order they were reported (by the report's `seq`): a delivery is",
    'held back, PENDING and unsent with `heldBehind` naming the report it waits for, while an earlier report naming one',
    "of the same residents (the subject, a spouse, a birth's mother or father) has an undecided delivery to that",
    'department; it is queued the moment that one is accepted or rejected.',
    '',
    ...sections,
  ].join('\n');
}

async function main(): Promise<void> {
  const content = renderChangesDoc();
  if (process.argv.includes('--check')) {
    if (readFileSync(CHANGES_DOC, 'utf8') !== content) {
      console.error('docs/changes.md is out of date: run npm run docs:changes');
      process.exit(1);
    }
  } else {
    writeFileSync(CHANGES_DOC, content);
    console.log(`wrote ${path.relative(REPO_ROOT, CHANGES_DOC)}`);
  }
}

if (require.main === module) void main();
