import { IdentityMatcher } from '../IdentityMatcher';
import type { LinkStore } from '../links/LinkStore';
import { runLinkBatch, type LinkBatchProgress } from '../links/runLinkBatch';
import { readCivilAffairsRecords, readRegister } from './readExports';

/** The departments whose exports the batch reads so far. */
export const LINKABLE_DEPARTMENTS = ['civil-affairs'] as const;
export type LinkableDepartment = (typeof LINKABLE_DEPARTMENTS)[number];

/**
 * One batch run over a department's whole data: the register and the department's records
 * read from the exports under `dataDir` (the files the generator writes and the stand-ins
 * load), matched, and kept in the link table.
 */
export async function linkFromExports(options: {
  dataDir: string;
  department: LinkableDepartment;
  store: LinkStore;
  onProgress?(progress: LinkBatchProgress): void;
}): Promise<LinkBatchProgress> {
  const matcher = new IdentityMatcher(await readRegister(options.dataDir));
  const records = await readCivilAffairsRecords(options.dataDir);
  return runLinkBatch({ department: options.department, records, matcher, store: options.store, onProgress: options.onProgress });
}
