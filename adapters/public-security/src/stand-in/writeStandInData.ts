import { mkdir, writeFile } from 'node:fs/promises';
import { storedIdentityOf, type Population, type TruthResident } from '@resident-graph/schemas';
import type { RawHousehold, RawPerson } from '../wireFormat';
import { dataFiles } from './dataFiles';
import { maritalStatusCode, relationToHeadCode, sexCode, systemDate } from './systemCodes';

function toRawPerson(resident: TruthResident, index: number): RawPerson {
  const ps = resident.publicSecurity;
  const stored = storedIdentityOf(resident, 'public-security');
  return {
    RYBH: `RY${String(index + 1).padStart(10, '0')}`,
    GMSFHM: stored.storedId,
    XM: stored.storedName,
    XB: sexCode(resident.gender),
    MZ: ps.ethnicityCode,
    CSRQ: systemDate(resident.birthDate),
    HYZK: maritalStatusCode(ps.maritalStatus),
    HH: ps.householdId ?? '',
    YHZGX: ps.relationToHead ? relationToHeadCode(ps.relationToHead) : '',
    HJDZ: ps.registeredAddress,
    RKLX: ps.populationType === 'PERMANENT' ? '1' : '2',
    ...(ps.residencePermit && {
      JZZ: { JZZBH: ps.residencePermit.number, QFRQ: systemDate(ps.residencePermit.issuedOn), YXQZ: systemDate(ps.residencePermit.expiresOn) },
    }),
  };
}

/** Households as the system keeps them; the head's registered address is the household's. */
function toRawHouseholds(residents: TruthResident[], persons: RawPerson[]): RawHousehold[] {
  const households = new Map<string, RawHousehold>();
  residents.forEach((resident, i) => {
    const { householdId, relationToHead, registeredAddress } = resident.publicSecurity;
    if (householdId === null) return;
    const household = households.get(householdId) ?? { HH: householdId, HJDZ: registeredAddress, CY: [] };
    if (relationToHead === 'HEAD' || relationToHead === 'SELF') household.HJDZ = registeredAddress;
    household.CY.push({ GMSFHM: persons[i]!.GMSFHM, YHZGX: persons[i]!.YHZGX });
    households.set(householdId, household);
  });
  return [...households.values()];
}

const jsonLines = (records: unknown[]) => records.map((record) => JSON.stringify(record)).join('\n') + '\n';

/** Writes the household-registration system's export under `outDir/public-security/`. */
export async function writeStandInData(population: Population, outDir: string): Promise<void> {
  const files = dataFiles(outDir);
  const persons = population.residents.map(toRawPerson);
  await mkdir(files.dir, { recursive: true });
  await writeFile(files.persons, jsonLines(persons));
  await writeFile(files.households, jsonLines(toRawHouseholds(population.residents, persons)));
}
