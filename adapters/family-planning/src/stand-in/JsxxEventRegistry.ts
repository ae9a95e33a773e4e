import { todayInShanghai } from '@resident-graph/schemas';
import type { JsxxEvent } from '../jsxx/jsxxEvent';
import { toJsxxDate } from '../jsxx/jsxxDate';
import { applyJsxxEvent, type JsxxEventOutcome } from './applyJsxxEvent';
import { EventJournal } from './eventJournal';
import type { StandInData } from './readStandInData';

interface Kept {
  outcome: JsxxEventOutcome;
  /** Resolves once the event is in the journal: a repeat is not answered before the first is durable. */
  durable: Promise<void>;
}

/**
 * The service's registration of reported events: each 业务编号 is applied once, its outcome
 * kept, and every applied event journalled before it is answered. On start the journal is
 * replayed over the data file, so what the service answered survives a crash.
 */
export class JsxxEventRegistry {
  private readonly kept = new Map<string, Kept>();

  private constructor(
    private readonly data: StandInData,
    private readonly journal: EventJournal,
    private readonly regionCode: string,
  ) {}

  static async open(data: StandInData, stateDir: string, regionCode: string): Promise<JsxxEventRegistry> {
    const { journal, entries } = await EventJournal.open(stateDir);
    const registry = new JsxxEventRegistry(data, journal, regionCode);
    for (const { event, registeredOn, outcome } of entries) {
      applyJsxxEvent(data, event, registeredOn, regionCode);
      registry.kept.set(event.YWBH, { outcome, durable: Promise.resolve() });
    }
    return registry;
  }

  /** The outcome of the event: the kept one for a 业务编号 seen before. A request it cannot read throws a `JsxxFormatError`, keeping nothing. */
  async report(event: JsxxEvent): Promise<JsxxEventOutcome> {
    const kept = this.kept.get(event.YWBH);
    if (kept) {
      await kept.durable;
      return kept.outcome;
    }
    // The service's business date is Shanghai's (UTC's is a day behind from 16:00 to midnight).
    const registeredOn = toJsxxDate(todayInShanghai());
    const outcome = applyJsxxEvent(this.data, event, registeredOn, this.regionCode);
    const durable = this.journal.append({ event, registeredOn, outcome });
    this.kept.set(event.YWBH, { outcome, durable });
    await durable;
    return outcome;
  }

  close(): Promise<void> {
    return this.journal.close();
  }
}
