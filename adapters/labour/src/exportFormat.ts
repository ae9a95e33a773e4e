import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** The nightly export (社保参保明细): GBK, Chinese header, one row per card and insurance. */
export const EXPORT_ENCODING = 'gbk';
export const EXPORT_COLUMNS = {
  cardNumber: '社保卡号',
  citizenId: '公民身份号码',
  name: '姓名',
  insuranceType: '险种代码',
  paidMonths: '累计缴费月数',
  paymentStatus: '参保状态',
} as const;
export type ExportColumn = keyof typeof EXPORT_COLUMNS;
export const EXPORT_HEADER = Object.values(EXPORT_COLUMNS);

const EXPORT_FILE = /^shebao_(\d{8})\.csv$/;

/** `shebao_YYYYMMDD.csv` for the day the export describes (`YYYY-MM-DD`). */
export function exportFileName(isoDate: string): string {
  return `shebao_${isoDate.replaceAll('-', '')}.csv`;
}

/** The newest export in `dir` by the date in its name, or `null` when there is none. */
export async function newestExportFile(dir: string): Promise<string | null> {
  const names = (await readdir(dir)).filter((name) => EXPORT_FILE.test(name)).sort();
  const newest = names.at(-1);
  return newest === undefined ? null : path.join(dir, newest);
}
