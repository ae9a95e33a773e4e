import type { FactEvidence, LinkCandidate, LinkGrade } from './types';

/** A candidate before grading: the ID path and how the record's other facts compare. */
export interface UngradedCandidate {
  residentId: string;
  evidence: LinkCandidate['evidence'];
}

const nameOf = (candidate: UngradedCandidate) =>
  candidate.evidence.find((item): item is Extract<FactEvidence, { kind: 'NAME' }> => item.kind === 'NAME')!.agreement;
const strongName = (candidate: UngradedCandidate) => ['EXACT', 'SCRIPT_VARIANT'].includes(nameOf(candidate));
const differing = (candidate: UngradedCandidate): FactEvidence['kind'][] =>
  candidate.evidence.flatMap((item) => ('agreement' in item && item.agreement === 'DIFFERS' ? [item.kind] : []));

const GRADE_ORDER: Record<LinkGrade, number> = { CERTAIN: 0, PROBABLE: 1, POSSIBLE: 2 };

/**
 * The rules, strongest first; each candidate takes the first that holds:
 * 1. CERTAIN — the only resident the stored ID can stand for, the name agrees (exactly or in
 *    another script) and no other fact the record states differs.
 * 2. PROBABLE — the only resident, and either the name agrees but another fact differs, or
 *    only the surname agrees and nothing differs; or one of several residents the ID can
 *    stand for, the only one whose name agrees, with nothing differing.
 * 3. POSSIBLE — the ID can stand for the resident and nothing better holds.
 */
export function gradeCandidates(candidates: readonly UngradedCandidate[]): LinkCandidate[] {
  const unique = candidates.length === 1;
  const strongNames = candidates.filter(strongName).length;
  return candidates
    .map((candidate): LinkCandidate => {
      const name = nameOf(candidate);
      const differs = differing(candidate);
      const alone = unique
        ? 'the only registered resident the stored ID can stand for'
        : `one of ${candidates.length} registered residents the stored ID can stand for`;
      const facts = differs.length === 0 ? 'nothing else the record states differs' : `${differs.join(', ').toLowerCase().replace(/_/g, ' ')} differs`;
      const graded = (grade: LinkGrade, reason: string) => ({ ...candidate, grade, reason });
      if (unique && strongName(candidate) && differs.length === 0)
        return graded('CERTAIN', `${alone}; name ${name.toLowerCase().replace(/_/g, ' ')}; ${facts}`);
      if (unique && strongName(candidate)) return graded('PROBABLE', `${alone}; name ${name.toLowerCase().replace(/_/g, ' ')}; but ${facts}`);
      if (unique && name === 'SURNAME_ONLY' && differs.length === 0) return graded('PROBABLE', `${alone}; only the surname agrees; ${facts}`);
      if (!unique && strongName(candidate) && strongNames === 1 && differs.length === 0)
        return graded('PROBABLE', `${alone}, the only one whose name agrees; ${facts}`);
      return graded('POSSIBLE', `${alone}; name ${name.toLowerCase().replace(/_/g, ' ')}; ${facts}`);
    })
    .sort((a, b) => GRADE_ORDER[a.grade] - GRADE_ORDER[b.grade] || a.residentId.localeCompare(b.residentId));
}
