import { IdentityMatcher } from '../IdentityMatcher';
import type { LinkStore } from '../links/LinkStore';
import { runLinkBatch, type LinkBatchProgress } from '../links/runLinkBatch';
import type { DepartmentRecordIdentity } from '../types';
import { readCivilAffairsRecords, readRegister } from './readExports';
import { readFamilyPlanningRecords } from './readFamilyPlanningRecords';
import { readLabourRecords } from './readLabourRecords';

/** The departments whose exports the batch reads, and how. */
const READERS = {
  'civil-affairs': readCivilAffairsRecords,
  'family-planning': readFamilyPlanningRecords,
  labour: readLabourRecords,
} satisfies Record<string, (dataDir: string) => Promise<DepartmentRecordIdentity[]>>;

export type LinkableDepartment = keyof typeof READERS;
export const LINKABLE_DEPARTMENTS = Object.keys(READERS) as LinkableDepartment[];

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
  const records = await READERS[options.department](options.dataDir);
  return runLinkBatch({ department: options.department, records, matcher, store: options.store, onProgress: options.onProgress });
}
