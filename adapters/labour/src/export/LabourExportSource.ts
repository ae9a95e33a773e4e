import { DepartmentError } from '@resident-graph/adapter-kit';
import type { Logger } from '@resident-graph/service-kit';
import type { ExportStats } from '../ExportCard';
import { newestExportFile } from '../exportFormat';
import type { LabourExportStore } from './LabourExportStore';

/**
 * The newest nightly export, re-checked at most once per interval. A newer file is ingested
 * in the background while lookups keep reading the one in use, so the daily swap never
 * stalls a request; only the very first ingest is waited for. The export in use is the
 * store's, so a restart reads it again instead of the file.
 */
export class LabourExportSource {
  private inUse: ExportStats | null = null;
  private checking: Promise<void> | null = null;
  private lastCheck = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly dir: string,
    private readonly store: LabourExportStore,
    private readonly checkIntervalMs: number,
    private readonly logger: Logger,
  ) {}

  /** Waits until an export is in use (the store's from an earlier start, or the first ingest), and returns it. */
  async current(): Promise<ExportStats> {
    this.inUse ??= await this.unavailableUnless(() => this.store.inUse());
    if (!this.inUse) await this.refresh();
    if (!this.inUse) throw new DepartmentError('DEPARTMENT_UNAVAILABLE', 'labour', `no export file in ${this.dir}`);
    if (Date.now() - this.lastCheck >= this.checkIntervalMs) {
      this.refresh().catch((error: unknown) => this.logger.error({ err: error }, 'labour export refresh failed; keeping the loaded one'));
    }
    return this.inUse;
  }

  /** Looks for a newer export now and ingests it; joins a check already under way. */
  refresh(): Promise<void> {
    this.checking ??= this.check().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  stats(): ExportStats | null {
    return this.inUse;
  }

  private async check(): Promise<void> {
    this.lastCheck = Date.now();
    await this.unavailableUnless(async () => {
      this.inUse ??= await this.store.inUse();
      const newest = await newestExportFile(this.dir);
      if (newest !== null && newest !== this.inUse?.file) this.inUse = await this.store.ingest(newest, this.logger);
    });
  }

  /** A failure to read the folder, the file or the store makes the bureau unavailable; a bad export stays a bad response. */
  private async unavailableUnless<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DepartmentError) throw error;
      throw new DepartmentError('DEPARTMENT_UNAVAILABLE', 'labour', `cannot read the export in ${this.dir}`, { cause: error });
    }
  }
}
