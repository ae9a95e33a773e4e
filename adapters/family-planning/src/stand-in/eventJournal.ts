import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { readJournal } from '@resident-graph/adapter-kit';
import type { JsxxEvent } from '../jsxx/jsxxEvent';
import type { JsxxEventOutcome } from './applyJsxxEvent';

/** One applied event as the journal keeps it: the request, the service's date of registration, the outcome. */
export interface JournalEntry {
  event: JsxxEvent;
  registeredOn: string;
  outcome: JsxxEventOutcome;
}

/** Where the service keeps what it registers unless told otherwise: beside its data file. */
export const defaultStateDir = (dataDir: string): string => path.join(dataDir, 'family-planning');

/** The events the service applied: what it holds is its data file with these replayed. */
const eventJournalFile = (stateDir: string): string => path.join(stateDir, 'jsxx-events.jsonl');

/** A fresh data set starts with no events applied (in the default place; a stack keeps its own elsewhere). */
export const removeJournal = (dataDir: string): Promise<void> => rm(eventJournalFile(defaultStateDir(dataDir)), { force: true });

/** Appends entries one at a time, each on disk (fsync) before the promise resolves: only then is the event answered. */
export class EventJournal {
  private writing: Promise<void> = Promise.resolve();

  private constructor(private readonly file: FileHandle) {}

  /** Opens the journal and reads the entries written so far (`readJournal`: a torn last line cut off). */
  static async open(stateDir: string): Promise<{ journal: EventJournal; entries: JournalEntry[] }> {
    await mkdir(stateDir, { recursive: true });
    const entries = await readJournal<JournalEntry>(eventJournalFile(stateDir));
    const file = await open(eventJournalFile(stateDir), 'a');
    return { journal: new EventJournal(file), entries };
  }

  append(entry: JournalEntry): Promise<void> {
    const written = this.writing.then(async () => {
      await this.file.appendFile(`${JSON.stringify(entry)}\n`);
      await this.file.sync();
    });
    this.writing = written.catch(() => undefined);
    return written;
  }

  async close(): Promise<void> {
    await this.writing;
    await this.file.close();
  }
}
