import { readFile } from 'node:fs/promises';
import { normalizeCitizenId } from '@resident-graph/schemas';
import type { RawHousehold, RawPerson } from '../wireFormat';
import { dataFiles } from './dataFiles';
import type { RegisterWrite } from './registerChanges';

async function readJsonLines<T>(file: string): Promise<T[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/**
 * The system's store, indexed the way it answers: a query by either ID form finds a
 * person whatever form the ID was stored in, and persons whose stored ID fails the
 * check are kept apart (校验异常). Changes rewrite records whole, by 人员编号.
 */
export class PopulationRegister {
  private readonly byRecordNumber: Map<string, RawPerson>;

  private constructor(
    private readonly byCitizenId: Map<string, RawPerson[]>,
    readonly invalidIdPersons: RawPerson[],
    private readonly households: Map<string, RawHousehold>,
    /** Every stored person, valid ID or not, in the order stored: what the statistics export lists. */
    readonly everyone: RawPerson[],
  ) {
    this.byRecordNumber = new Map(everyone.map((person) => [person.RYBH, person]));
  }

  static async load(dataDir: string): Promise<PopulationRegister> {
    const files = dataFiles(dataDir);
    const [persons, households] = await Promise.all([readJsonLines<RawPerson>(files.persons), readJsonLines<RawHousehold>(files.households)]);
    const byCitizenId = new Map<string, RawPerson[]>();
    const invalid: RawPerson[] = [];
    for (const person of persons) {
      const id = normalizeCitizenId(person.GMSFHM);
      if (!id.ok) {
        invalid.push(person);
        continue;
      }
      byCitizenId.set(id.id, [...(byCitizenId.get(id.id) ?? []), person]);
    }
    return new PopulationRegister(byCitizenId, invalid, new Map(households.map((household) => [household.HH, household])), persons);
  }

  persons(citizenIds: readonly string[]): RawPerson[] {
    return [...new Set(citizenIds)].flatMap((raw) => {
      const id = normalizeCitizenId(raw);
      return id.ok ? (this.byCitizenId.get(id.id) ?? []) : [];
    });
  }

  householdsOf(householdIds: readonly string[]): RawHousehold[] {
    return [...new Set(householdIds)].flatMap((id) => this.households.get(id) ?? []);
  }

  /** The 人员编号 a new record gets: one past the highest in use. */
  nextRecordNumber(): string {
    const highest = Math.max(0, ...[...this.byRecordNumber.keys()].map((number) => Number(number.slice(2)) || 0));
    return `RY${String(highest + 1).padStart(10, '0')}`;
  }

  /** Writes what a change decided: a record is replaced in place (every index sees it) or added. */
  write(write: RegisterWrite): void {
    for (const person of write.persons) {
      const stored = this.byRecordNumber.get(person.RYBH);
      if (stored) {
        for (const key of Object.keys(stored)) delete (stored as Record<string, unknown>)[key];
        Object.assign(stored, JSON.parse(JSON.stringify(person)) as RawPerson);
        continue;
      }
      const added = { ...person };
      this.everyone.push(added);
      this.byRecordNumber.set(added.RYBH, added);
      const id = normalizeCitizenId(added.GMSFHM);
      if (id.ok) this.byCitizenId.set(id.id, [...(this.byCitizenId.get(id.id) ?? []), added]);
    }
    for (const household of write.households) this.households.set(household.HH, household);
  }
}
