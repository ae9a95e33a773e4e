export { runBench } from './runBench';
export { parseBenchOptions, type BenchOptions } from './benchOptions';
export { printReport } from './printReport';
export type { BenchReport, WorkloadReport } from './BenchReport';
