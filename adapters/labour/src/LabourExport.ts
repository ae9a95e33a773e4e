import type { DataQualityIssue, SocialInsuranceType } from '@resident-graph/schemas';
import { legacyIdIssue, type InvalidIdIndex } from '@resident-graph/adapter-kit';

export interface InsuranceRow {
  type: SocialInsuranceType;
  paidMonths: number;
  active: boolean;
}

/** One social security card as the export lists it, its rows gathered. */
export interface ExportCard {
  cardNumber: string;
  /** The citizen ID exactly as the export stores it. */
  storedId: string;
  nameOnRecord: string;
  /** Stored under a pre-1999 15-digit ID that was converted to match. */
  legacy: boolean;
  insurance: InsuranceRow[];
}

export interface ExportStats {
  file: string;
  rows: number;
  cards: number;
  /** Rows skipped because they could not be read (reported in the log). */
  malformedRows: number;
}

/** One export file, indexed by normalised citizen ID. */
export class LabourExport {
  private readonly unresolvedByStoredId = new Map<string, ExportCard[]>();

  constructor(
    readonly stats: ExportStats,
    private readonly cardsByCitizenId: ReadonlyMap<string, readonly ExportCard[]>,
    private readonly invalidIds: InvalidIdIndex,
    private readonly unresolvedCards: readonly ExportCard[],
  ) {
    for (const card of unresolvedCards) this.unresolvedByStoredId.set(card.storedId, [...(this.unresolvedByStoredId.get(card.storedId) ?? []), card]);
  }

  /**
   * The export's cards person by person, each with the citizen ID as stored: the cards of
   * one resident together, and each card whose ID fails validation alone (it names nobody).
   */
  *cardsByPerson(): Generator<readonly { cardNumber: string; storedId: string }[]> {
    yield* this.cardsByCitizenId.values();
    for (const card of this.unresolvedCards) yield [card];
  }

  cardsOf(citizenId: string): readonly ExportCard[] {
    return this.cardsByCitizenId.get(citizenId) ?? [];
  }

  /** The cards stored under an ID that fails validation, exactly as stored: what identity resolution may have linked to a resident. */
  cardsStoredUnder(storedId: string): readonly ExportCard[] {
    return this.unresolvedByStoredId.get(storedId) ?? [];
  }

  issuesFor(citizenId: string): DataQualityIssue[] {
    const legacy = this.cardsOf(citizenId)
      .filter((card) => card.legacy)
      .map((card) => legacyIdIssue('labour', { storedId: card.storedId, recordReference: card.cardNumber, nameOnRecord: card.nameOnRecord }));
    return [...legacy, ...this.invalidIds.issuesFor(citizenId)];
  }

  /** `issuesFor` of every resident the export raises an issue on. */
  issuesByResident(): Map<string, DataQualityIssue[]> {
    const residents = new Set([
      ...[...this.cardsByCitizenId].flatMap(([citizenId, cards]) => (cards.some((card) => card.legacy) ? [citizenId] : [])),
      ...this.invalidIds.issuesByResident().keys(),
    ]);
    return new Map([...residents].map((citizenId) => [citizenId, this.issuesFor(citizenId)]));
  }
}
