import type { IdentityEvaluation, Ratio } from './evaluateIdentityResolution';

const percent = ({ hits, of }: Ratio) => (of === 0 ? 'n/a (none)' : `${((100 * hits) / of).toFixed(2)} % (${hits} of ${of})`);

/** The figures as the command prints them, one per line, each with its counts. */
export function describeEvaluation(label: string, evaluation: IdentityEvaluation, readMs: number): string {
  return [
    `identity resolution on ${label}`,
    `  department records                  ${evaluation.records}`,
    `  resolved as stored (right resident) ${percent(evaluation.resolvedAsStored)}`,
    `  not resolving as stored             ${evaluation.unresolved} (imperfect IDs in truth: ${evaluation.imperfectIds})`,
    `  automatic links, precision          ${percent(evaluation.automaticPrecision)}`,
    `  automatic links, recall             ${percent(evaluation.automaticRecall)}`,
    `  linked or right candidate queued    ${percent(evaluation.linkedOrQueuedRecall)}`,
    `  after review, precision             ${percent(evaluation.afterReviewPrecision)}`,
    `  after review, recall                ${percent(evaluation.afterReviewRecall)}`,
    `    (the review confirming each queued record's first candidate, checking nothing more)`,
    `  review queue                        PROBABLE ${evaluation.queued.PROBABLE}, POSSIBLE ${evaluation.queued.POSSIBLE}, no candidate ${evaluation.queued.NONE}`,
    `  name variants flagged               ${percent(evaluation.nameVariantRecall)}, false alarms ${evaluation.nameVariantFalseAlarms}`,
    `  time                                read ${readMs} ms, match ${evaluation.matchingMs} ms`,
  ].join('\n');
}
