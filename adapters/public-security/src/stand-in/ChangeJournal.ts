import { appendFile, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { RawChangeResult } from '../changeWire';
import type { RegisterWrite } from './registerChanges';

/** One change business as the register journals it: its result, and the records it wrote when it was applied. */
export interface JournalEntry {
  result: RawChangeResult;
  write: RegisterWrite | null;
}

/**
 * The register's change journal (变更记录, one JSON line per business): what makes its
 * changes outlive a restart, and its business serial numbers idempotent. Appends are
 * serialised, and a change is answered only once its line is written.
 */
export class ChangeJournal {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {}

  async entries(): Promise<JournalEntry[]> {
    if (!existsSync(this.file)) return [];
    return (await readFile(this.file, 'utf8'))
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as JournalEntry);
  }

  append(entry: JournalEntry): Promise<void> {
    const written = this.tail.then(() => appendFile(this.file, `${JSON.stringify(entry)}\n`));
    this.tail = written.catch(() => undefined);
    return written;
  }
}
