import { DepartmentError } from '@resident-graph/adapter-kit';
import type { Logger } from '@resident-graph/service-kit';
import { newestExportFile } from './exportFormat';
import type { ExportStats, LabourExport } from './LabourExport';
import { readExport } from './readExport';

/**
 * The newest nightly export, re-checked at most once per interval. A newer file is read
 * in the background while lookups keep using the one already loaded, so the daily swap
 * never stalls a request; only the very first load is waited for.
 */
export class LabourExportSource {
  private loaded: LabourExport | null = null;
  private checking: Promise<void> | null = null;
  private lastCheck = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly dir: string,
    private readonly checkIntervalMs: number,
    private readonly logger: Logger,
  ) {}

  async current(): Promise<LabourExport> {
    if (!this.loaded) await this.refresh();
    if (!this.loaded) throw new DepartmentError('DEPARTMENT_UNAVAILABLE', 'labour', `no export file in ${this.dir}`);
    if (Date.now() - this.lastCheck >= this.checkIntervalMs) {
      this.refresh().catch((error: unknown) => this.logger.error({ err: error }, 'labour export refresh failed; keeping the loaded one'));
    }
    return this.loaded;
  }

  /** Looks for a newer export now and loads it; joins a check already under way. */
  refresh(): Promise<void> {
    this.checking ??= this.check().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  stats(): ExportStats | null {
    return this.loaded?.stats ?? null;
  }

  private async check(): Promise<void> {
    this.lastCheck = Date.now();
    try {
      const newest = await newestExportFile(this.dir);
      if (newest !== null && newest !== this.loaded?.stats.file) this.loaded = await readExport(newest, this.logger);
    } catch (error) {
      if (error instanceof DepartmentError) throw error;
      throw new DepartmentError('DEPARTMENT_UNAVAILABLE', 'labour', `cannot read the export in ${this.dir}`, { cause: error });
    }
  }
}
