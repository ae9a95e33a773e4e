import { GraphQLError } from 'graphql';
import { Arg, Ctx, Mutation, Resolver, type ClassType } from 'type-graphql';
import { LinkDecisionError, type LinkDecisionInput, type LinkStore, type StoredCandidate } from '@resident-graph/identity/links';
import type { Department } from '@resident-graph/schemas';
import type { PolicedContext } from '../policy';
import { recordLinkMutationNames } from './recordLinkMutationNames';
import { RecordLinkDecision, RecordLinkInput } from './recordLinkTypes';
import type { SectionContext } from './SectionContext';

const CODES = { NOT_A_CANDIDATE: 'BAD_USER_INPUT', LINK_CONFLICT: 'LINK_CONFLICT' } as const;

const toDecision = (candidate: StoredCandidate): RecordLinkDecision => ({
  department: candidate.department,
  storedId: candidate.storedId,
  residentId: candidate.residentId,
  grade: candidate.grade,
  state: candidate.state,
  decidedBy: candidate.decidedBy,
  decidedAt: candidate.decidedAt?.toISOString() ?? null,
});

/**
 * The owning department's review of identity resolution's candidates: confirm a link (the
 * record is then read as the resident's), reject it, or undo either. Who may call them, for
 * which residents, is the department's policy table (rows `Mutation.<name>`, checked against
 * the resident's jurisdiction); each call is audited like a read.
 */
export function createRecordLinkResolver(field: string, department: Department): ClassType {
  const names = recordLinkMutationNames(field);
  const decide = async (
    context: SectionContext<unknown> & PolicedContext,
    input: RecordLinkInput,
    act: (store: LinkStore, decision: LinkDecisionInput) => Promise<StoredCandidate>,
  ) => {
    if (!context.links) throw new GraphQLError('identity resolution is not configured for this department', { extensions: { code: 'IDENTITY_UNAVAILABLE' } });
    try {
      return toDecision(
        await act(context.links.store, { department, storedId: input.storedId, residentId: input.residentId, decidedBy: context.trust.caller.subject }),
      );
    } catch (error) {
      if (error instanceof LinkDecisionError) throw new GraphQLError(error.message, { extensions: { code: CODES[error.code] } });
      throw error;
    }
  };

  @Resolver()
  class RecordLinkResolver {
    @Mutation(() => RecordLinkDecision, { name: names.confirm, description: 'Confirms that the record stored under storedId is the resident’s' })
    confirm(@Arg('input', () => RecordLinkInput) input: RecordLinkInput, @Ctx() context: SectionContext<unknown> & PolicedContext) {
      return decide(context, input, (store, decision) => store.confirm(decision));
    }

    @Mutation(() => RecordLinkDecision, { name: names.reject, description: 'Records that the record stored under storedId is not the resident’s' })
    reject(@Arg('input', () => RecordLinkInput) input: RecordLinkInput, @Ctx() context: SectionContext<unknown> & PolicedContext) {
      return decide(context, input, (store, decision) => store.reject(decision));
    }

    @Mutation(() => RecordLinkDecision, { name: names.undo, description: 'Takes back a link or a rejection: the candidate is in the review queue again' })
    undo(@Arg('input', () => RecordLinkInput) input: RecordLinkInput, @Ctx() context: SectionContext<unknown> & PolicedContext) {
      return decide(context, input, (store, decision) => store.undo(decision));
    }
  }
  return RecordLinkResolver;
}
