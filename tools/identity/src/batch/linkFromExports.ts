import { IdentityMatcher } from '../IdentityMatcher';
import type { LinkStore } from '../links/LinkStore';
import { runLinkBatch, type LinkBatchProgress } from '../links/runLinkBatch';
import type { DepartmentRecordIdentity } from '../types';
import { readCivilAffairsRecords, readRegister, REGISTER_EXPORT } from './readExports';
import { readFamilyPlanningRecords } from './readFamilyPlanningRecords';
import { readLabourRecords } from './readLabourRecords';

interface DepartmentExport {
  read(dataDir: string): Promise<DepartmentRecordIdentity[]>;
  /** The files and folders under the data folder it reads: when one changes, its records are matched again. */
  sources: readonly string[];
}

/** The departments whose exports the batch reads, and how. */
const EXPORTS = {
  'civil-affairs': { read: readCivilAffairsRecords, sources: ['civil-affairs'] },
  'family-planning': { read: readFamilyPlanningRecords, sources: ['family-planning/jsxx-persons.xml'] },
  labour: { read: readLabourRecords, sources: ['labour/export'] },
} satisfies Record<string, DepartmentExport>;

export type LinkableDepartment = keyof typeof EXPORTS;
export const LINKABLE_DEPARTMENTS = Object.keys(EXPORTS) as LinkableDepartment[];

/** What a department's matching reads under the data folder: the register's export and its own. */
export const exportSourcesOf = (department: LinkableDepartment): readonly string[] => [REGISTER_EXPORT, ...EXPORTS[department].sources];

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
  const records = await EXPORTS[options.department].read(options.dataDir);
  return runLinkBatch({ department: options.department, records, matcher, store: options.store, onProgress: options.onProgress });
}
