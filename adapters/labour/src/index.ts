export { createLabourAdapter, type LabourAdapter, type LabourAdapterOptions } from './createLabourAdapter';
export type { LabourRecord } from './LabourRecord';
export type { ExportStats } from './ExportCard';
export { EMPLOYMENT_STATUS_BY_CODE } from './bureauCodes';
export { DEFAULT_EXPORT_SCHEMA } from './export/LabourExportStore';
