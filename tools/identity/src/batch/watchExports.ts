import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { exportSourcesOf, LINKABLE_DEPARTMENTS, type LinkableDepartment } from './linkFromExports';

export interface ExportWatchOptions {
  dataDir: string;
  /** How often to look at the exports' files. */
  intervalMs: number;
  /** Matches a department's records again (`linkFromExports`, or a process that runs it). */
  relink(department: LinkableDepartment): Promise<void>;
  /** After a department's records were matched again. */
  onRun?(department: LinkableDepartment): void;
  onError?(error: unknown, department: LinkableDepartment): void;
}

export interface ExportWatch {
  /** Waits for a run under way, then looks no more. */
  stop(): Promise<void>;
}

/** Name, size and modification time of every file a source holds (a folder's files one level down); a missing source is empty. */
async function fingerprintOf(dataDir: string, source: string): Promise<string> {
  const full = path.join(dataDir, source);
  const info = await stat(full).catch(() => null);
  if (info === null) return '';
  if (!info.isDirectory()) return `${source}:${info.size}:${info.mtimeMs}`;
  const names = (await readdir(full)).sort();
  const files = await Promise.all(
    names.map(async (name) => {
      const file = await stat(path.join(full, name));
      return `${name}:${file.size}:${file.mtimeMs}`;
    }),
  );
  return `${source}/{${files.join(',')}}`;
}

const fingerprintsOf = async (dataDir: string) =>
  new Map(
    await Promise.all(
      LINKABLE_DEPARTMENTS.map(
        async (department) => [department, (await Promise.all(exportSourcesOf(department).map((source) => fingerprintOf(dataDir, source)))).join('|')] as const,
      ),
    ),
  );

/**
 * Identity resolution as a department's data changes: the exports' files are looked at every
 * `intervalMs`, and a department is matched again when its export or the register's changed
 * since the last look (the batch keeps decisions and adds only what is new). Starts from the
 * files as they are now, taken to be matched already.
 */
export async function watchExports(options: ExportWatchOptions): Promise<ExportWatch> {
  let seen = await fingerprintsOf(options.dataDir);
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const look = async () => {
    const now = await fingerprintsOf(options.dataDir);
    for (const department of LINKABLE_DEPARTMENTS) {
      if (stopped || now.get(department) === seen.get(department)) continue;
      try {
        await options.relink(department);
        options.onRun?.(department);
        seen = new Map(seen).set(department, now.get(department)!);
      } catch (error) {
        // Left unmarked, so the next look tries again: a half-written export is read whole later.
        options.onError?.(error, department);
      }
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = look().finally(schedule);
    }, options.intervalMs);
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
