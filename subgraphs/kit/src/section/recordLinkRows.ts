import { access, type FieldAccess, type PolicyTable } from '../policy';
import { recordLinkMutationNames } from './recordLinkMutationNames';

const DECISION_FIELDS = ['department', 'storedId', 'residentId', 'grade', 'state', 'decidedBy', 'decidedAt'] as const;

/**
 * The policy rows of a section's review mutations (`reviewsLinks: true`): who may confirm,
 * reject or undo a link of the section's records — checked against the jurisdiction of the
 * resident the input names when `review` says `jurisdiction` — and the decision they answer,
 * reached only through a mutation already checked.
 */
export function recordLinkRows(field: string, review: FieldAccess): PolicyTable {
  return {
    Mutation: Object.fromEntries(Object.values(recordLinkMutationNames(field)).map((name) => [name, review])),
    RecordLinkDecision: Object.fromEntries(DECISION_FIELDS.map((name) => [name, access('allow')])),
  };
}
