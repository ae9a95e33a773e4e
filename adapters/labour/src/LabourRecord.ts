import type { TruthLabour } from '@resident-graph/schemas';

/** What the labour bureau knows about one resident, in canonical codes. */
export type LabourRecord = TruthLabour;
