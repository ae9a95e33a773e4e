import type { SocialInsuranceType } from '@resident-graph/schemas';

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
