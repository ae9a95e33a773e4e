import { appendFile } from 'node:fs/promises';
import { readJournal } from '@resident-graph/adapter-kit';
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

  entries(): Promise<JournalEntry[]> {
    return readJournal<JournalEntry>(this.file);
  }

  append(entry: JournalEntry): Promise<void> {
    const written = this.tail.then(() => appendFile(this.file, `${JSON.stringify(entry)}\n`));
    this.tail = written.catch(() => undefined);
    return written;
  }
}
