import { readFile } from 'node:fs/promises';
import { normalizeCitizenId } from '@resident-graph/schemas';
import type { RawHousehold, RawPerson } from '../wireFormat';
import { dataFiles } from './dataFiles';

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
 * check are kept apart (校验异常).
 */
export class PopulationRegister {
  private constructor(
    private readonly byCitizenId: Map<string, RawPerson[]>,
    readonly invalidIdPersons: RawPerson[],
    private readonly households: Map<string, RawHousehold>,
    /** Every stored person, valid ID or not, in the order stored: what the statistics export lists. */
    readonly everyone: RawPerson[],
  ) {}

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
}
