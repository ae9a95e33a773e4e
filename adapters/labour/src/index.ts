export { createLabourAdapter, type LabourAdapter, type LabourAdapterOptions } from './createLabourAdapter';
export type { LabourRecord } from './LabourRecord';
export type { ExportStats } from './LabourExport';
