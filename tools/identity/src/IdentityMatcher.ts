import { citizenIdFacts, cleanCitizenId, normalizeCitizenId } from '@resident-graph/schemas';
import { candidateIdsOf, type CandidateId } from './candidateIds';
import { compareNames } from './foldName';
import { gradeCandidates } from './gradeCandidates';
import type { DepartmentRecordIdentity, FactEvidence, LinkCandidate, RegisteredResident } from './types';

/**
 * What the matcher makes of one department record: its stored ID names a registered
 * resident as it is, or it does not and these are the residents it could belong to (none
 * when no edit of the ID reaches anyone registered).
 */
export type RecordResolution = { status: 'RESOLVED'; residentId: string } | { status: 'UNRESOLVED'; candidates: LinkCandidate[] };

/** Birth-date and sex digits of the stored ID, when it carries readable ones (a 15-digit ID's are widened to 18). */
function factsOfStoredId(storedId: string): { birthDate: string; gender: string } | null {
  const cleaned = cleanCitizenId(storedId);
  const widened = cleaned.length === 15 ? `${cleaned.slice(0, 6)}19${cleaned.slice(6)}0` : cleaned;
  if (!/^\d{17}[\dX]$/.test(widened)) return null;
  return citizenIdFacts(widened);
}

/**
 * Finds the residents a department record belongs to when its stored ID does not say so
 * by itself, and grades each (`gradeCandidates`). Holds the register in memory: a
 * district's 262,103 residents take a few tens of megabytes.
 */
export class IdentityMatcher {
  private readonly residents = new Map<string, RegisteredResident>();

  constructor(register: Iterable<RegisteredResident>) {
    for (const resident of register) this.residents.set(resident.id, resident);
  }

  resident(id: string): RegisteredResident | undefined {
    return this.residents.get(id);
  }

  resolve(record: DepartmentRecordIdentity): RecordResolution {
    const result = normalizeCitizenId(record.storedId);
    if (result.ok && !result.converted && this.residents.has(result.id)) return { status: 'RESOLVED', residentId: result.id };
    const reachable = candidateIdsOf(record.storedId).filter((candidate) => this.residents.has(candidate.id));
    return { status: 'UNRESOLVED', candidates: gradeCandidates(reachable.map((candidate) => this.evidenceFor(record, candidate))) };
  }

  private evidenceFor(record: DepartmentRecordIdentity, candidate: CandidateId) {
    const resident = this.residents.get(candidate.id)!;
    const facts: FactEvidence[] = [{ kind: 'NAME', agreement: compareNames(record.nameOnRecord, resident.name) }];
    const fromId = factsOfStoredId(record.storedId);
    const compare = (
      kind: 'BIRTH_DATE' | 'GENDER' | 'HOUSEHOLD' | 'ADDRESS',
      stated: string | null | undefined,
      registered: string | null,
      source: 'RECORD' | 'STORED_ID',
    ) => {
      if (stated === null || stated === undefined || registered === null) return;
      facts.push({ kind, agreement: stated === registered ? 'AGREES' : 'DIFFERS', source });
    };
    if (record.birthDate) compare('BIRTH_DATE', record.birthDate, resident.birthDate, 'RECORD');
    else compare('BIRTH_DATE', fromId?.birthDate, resident.birthDate, 'STORED_ID');
    if (record.gender) compare('GENDER', record.gender, resident.gender, 'RECORD');
    else compare('GENDER', fromId?.gender, resident.gender, 'STORED_ID');
    compare('HOUSEHOLD', record.householdId, resident.householdId, 'RECORD');
    compare('ADDRESS', record.address, resident.address, 'RECORD');
    return { residentId: candidate.id, evidence: [candidate.evidence, ...facts] as LinkCandidate['evidence'] };
  }
}
