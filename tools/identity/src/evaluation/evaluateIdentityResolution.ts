import { IdentityMatcher } from '../IdentityMatcher';
import { isNameVariant } from '../isNameVariant';
import type { LinkGrade } from '../types';
import type { TruthLine } from './readTruth';

/** Counts that a ratio is made of, so a figure is never shown without what it was computed from. */
export interface Ratio {
  hits: number;
  of: number;
}

export interface IdentityEvaluation {
  records: number;
  /** Stored IDs that name their resident as they are (formatting noise folded). */
  resolvedAsStored: Ratio;
  /** Records whose stored ID does not resolve by itself: the matcher's work. */
  unresolved: number;
  /** Records the generator stored under an ID other than the resident's (15-digit or mistyped). */
  imperfectIds: number;
  /** CERTAIN links applied automatically: how many went to the right resident. */
  automaticPrecision: Ratio;
  /** Imperfect records linked automatically to the right resident. */
  automaticRecall: Ratio;
  /** Imperfect records linked automatically to the right resident or queued with the right resident among the candidates. */
  linkedOrQueuedRecall: Ratio;
  /**
   * Links after review, when the reviewer confirms each queued record's first (best graded)
   * candidate — what a review that checks nothing more would leave — with the automatic links:
   * how many go to the right resident.
   */
  afterReviewPrecision: Ratio;
  /** Imperfect records linked to the right resident after that review. */
  afterReviewRecall: Ratio;
  /** Records left for review, by the grade of their best candidate; `NONE` when no resident could be found. */
  queued: Record<Exclude<LinkGrade, 'CERTAIN'> | 'NONE', number>;
  /** Name variants flagged on records, held against the resident they resolve or link to, or their best review candidate. */
  nameVariantRecall: Ratio;
  nameVariantFalseAlarms: number;
  matchingMs: number;
}

const ratio = (): Ratio => ({ hits: 0, of: 0 });

/**
 * Runs the matcher over every department record of a population and scores it against
 * what the generator did (`imperfections`). The matcher sees the records as the
 * departments store them and the register; the truth is read only to score.
 */
export function evaluateIdentityResolution(lines: readonly TruthLine[]): IdentityEvaluation {
  const started = performance.now();
  const matcher = new IdentityMatcher(lines.map((line) => line.resident));
  const evaluation: IdentityEvaluation = {
    records: 0,
    resolvedAsStored: ratio(),
    unresolved: 0,
    imperfectIds: 0,
    automaticPrecision: ratio(),
    automaticRecall: ratio(),
    linkedOrQueuedRecall: ratio(),
    afterReviewPrecision: ratio(),
    afterReviewRecall: ratio(),
    queued: { PROBABLE: 0, POSSIBLE: 0, NONE: 0 },
    nameVariantRecall: ratio(),
    nameVariantFalseAlarms: 0,
    matchingMs: 0,
  };
  for (const { resident, records, imperfections } of lines) {
    for (const record of records) {
      evaluation.records++;
      const imperfectId = imperfections.some((item) => item.department === record.department && (item.kind === 'ID_TYPO' || item.kind === 'ID_15_DIGIT'));
      const nameVariant = imperfections.some((item) => item.department === record.department && item.kind === 'NAME_VARIANT');
      if (imperfectId) evaluation.imperfectIds++;
      if (nameVariant) evaluation.nameVariantRecall.of++;
      const resolution = matcher.resolve(record);
      // The resident the record's name is held against: the one it resolves or links to, else its best review candidate.
      let matchedTo: string | null = null;
      let linkedRightly = false;
      let queuedRightly = false;
      let confirmedRightly = false;
      if (resolution.status === 'RESOLVED') {
        evaluation.resolvedAsStored.of++;
        if (resolution.residentId === resident.id) evaluation.resolvedAsStored.hits++;
        matchedTo = resolution.residentId;
      } else {
        evaluation.unresolved++;
        const certain = resolution.candidates.find((candidate) => candidate.grade === 'CERTAIN');
        if (certain) {
          evaluation.automaticPrecision.of++;
          linkedRightly = certain.residentId === resident.id;
          if (linkedRightly) evaluation.automaticPrecision.hits++;
          matchedTo = certain.residentId;
        } else {
          const best = resolution.candidates[0]?.grade;
          evaluation.queued[best === 'PROBABLE' || best === 'POSSIBLE' ? best : 'NONE']++;
          queuedRightly = resolution.candidates.some((candidate) => candidate.residentId === resident.id);
          matchedTo = resolution.candidates[0]?.residentId ?? null;
          confirmedRightly = matchedTo === resident.id;
        }
      }
      if (resolution.status !== 'RESOLVED' && matchedTo !== null) {
        evaluation.afterReviewPrecision.of++;
        if (linkedRightly || confirmedRightly) evaluation.afterReviewPrecision.hits++;
      }
      if (imperfectId) {
        evaluation.afterReviewRecall.of++;
        if (linkedRightly || confirmedRightly) evaluation.afterReviewRecall.hits++;
        evaluation.automaticRecall.of++;
        evaluation.linkedOrQueuedRecall.of++;
        if (linkedRightly) evaluation.automaticRecall.hits++;
        if (linkedRightly || queuedRightly) evaluation.linkedOrQueuedRecall.hits++;
      }
      const flagged = matchedTo !== null && isNameVariant(record.nameOnRecord, matcher.resident(matchedTo)!.name);
      if (flagged && nameVariant) evaluation.nameVariantRecall.hits++;
      if (flagged && !nameVariant) evaluation.nameVariantFalseAlarms++;
    }
  }
  evaluation.matchingMs = Math.round(performance.now() - started);
  return evaluation;
}
