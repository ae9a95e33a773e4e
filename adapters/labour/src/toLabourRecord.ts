import { EMPLOYMENT_STATUS_BY_CODE, fromBureauDate } from './bureauCodes';
import type { CardFacts } from './cardsApi';
import type { ExportCard } from './ExportCard';
import type { LabourRecord } from './LabourRecord';

/**
 * Merges what the export lists for a resident's cards with what the API answers for
 * them. A resident rarely holds more than one card (a re-issue, a card under an old
 * 15-digit ID); the one the API knows speaks for the employment facts, and the insurance
 * rows of all of them count.
 */
export function toLabourRecord(cards: readonly ExportCard[], factsByCard: ReadonlyMap<string, CardFacts>): LabourRecord | null {
  const primary = cards.find((card) => factsByCard.has(card.cardNumber)) ?? cards[0];
  if (!primary) return null;
  const facts = factsByCard.get(primary.cardNumber);
  return {
    socialSecurityCardNumber: primary.cardNumber,
    employmentStatus: (facts?.jobStatus && EMPLOYMENT_STATUS_BY_CODE[facts.jobStatus]) || 'UNKNOWN',
    laidOff: facts?.laidOffFlag === '1',
    unemploymentRegistration: facts?.unemploymentReg
      ? { registeredOn: fromBureauDate(facts.unemploymentReg.regDate), certificateNumber: facts.unemploymentReg.certNo }
      : null,
    // A card the bureau closed (its holder died) has its insurance ended, whatever last night's export said.
    insurance: cards.flatMap((card) => card.insurance.map((row) => ({ ...row, active: row.active && !factsByCard.get(card.cardNumber)?.closeDate }))),
    skillCertificates: (facts?.skillCerts ?? []).map((cert) => ({
      name: cert.certName,
      level: cert.certLevel,
      issuedOn: fromBureauDate(cert.issueDate),
    })),
  };
}
