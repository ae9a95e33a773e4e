/**
 * Why a link decision was refused.
 * - `NOT_A_CANDIDATE`: the matcher never proposed this resident for this record.
 * - `LINK_CONFLICT`: the decision no longer applies — the record is already linked (to this
 *   resident or another), this candidate was already rejected, or there is nothing to undo.
 */
export type LinkDecisionErrorCode = 'NOT_A_CANDIDATE' | 'LINK_CONFLICT';

export class LinkDecisionError extends Error {
  constructor(
    readonly code: LinkDecisionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LinkDecisionError';
  }
}
