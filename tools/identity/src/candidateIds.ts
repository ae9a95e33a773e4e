import { citizenIdsOneTypoAway, normalizeCitizenId } from '@resident-graph/schemas';
import type { IdEvidence } from './types';

export interface CandidateId {
  id: string;
  evidence: IdEvidence;
}

/** Valid IDs one adjacent swap away: the other error the MOD 11-2 check always catches. */
function transpositionsOf(cleaned: string): CandidateId[] {
  const found: CandidateId[] = [];
  for (let position = 0; position < cleaned.length - 1; position++) {
    if (cleaned[position] === cleaned[position + 1]) continue;
    const swapped = cleaned.slice(0, position) + cleaned[position + 1]! + cleaned[position]! + cleaned.slice(position + 2);
    const result = normalizeCitizenId(swapped);
    if (result.ok && result.id === swapped) found.push({ id: swapped, evidence: { kind: 'ID_TRANSPOSITION', position } });
  }
  return found;
}

function substitutionsOf(cleaned: string): CandidateId[] {
  return citizenIdsOneTypoAway(cleaned).map((id) => {
    const position = [...id].findIndex((character, index) => character !== cleaned[index]);
    return { id, evidence: { kind: 'ID_SUBSTITUTION', position, stored: cleaned[position]!, candidate: id[position]! } };
  });
}

/**
 * The canonical IDs a stored ID that does not resolve as it is may stand for: its 18-character
 * form when it is a pre-1999 15-digit ID, or — when it fails its check — every valid ID one
 * mistyped or swapped character away (GB 11643's check catches each of those errors, so a
 * failed check points at one). An ID that is valid as stored gets no candidates: no single
 * error leaves the check intact, so it is nobody's typo.
 */
export function candidateIdsOf(storedId: string): CandidateId[] {
  const result = normalizeCitizenId(storedId);
  if (result.ok) return result.converted ? [{ id: result.id, evidence: { kind: 'ID_15_TO_18' } }] : [];
  if (result.cleaned.length !== 18 || !/^\d{17}[\dX]$/.test(result.cleaned)) return [];
  const byId = new Map<string, CandidateId>();
  for (const candidate of [...substitutionsOf(result.cleaned), ...transpositionsOf(result.cleaned)])
    if (!byId.has(candidate.id)) byId.set(candidate.id, candidate);
  return [...byId.values()];
}
