export { createLabourAdapter, type LabourAdapter, type LabourAdapterOptions } from './createLabourAdapter';
export type { LabourRecord } from './LabourRecord';
export type { ExportStats } from './LabourExport';
export { EMPLOYMENT_STATUS_BY_CODE } from './bureauCodes';
