import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { storedIdentityOf, type Department, type Imperfection, type TruthResident } from '@resident-graph/schemas';
import type { DepartmentRecordIdentity, RegisteredResident } from '../types';

/** The departments whose records are matched against the household register. */
export const MATCHED_DEPARTMENTS = ['civil-affairs', 'family-planning', 'labour'] as const satisfies readonly Department[];

/** One line of `truth.jsonl` cut to what an evaluation reads, so a district's lines need not all stay parsed. */
export interface TruthLine {
  resident: RegisteredResident;
  /** Each record a department holds on the resident, keyed as that department stores it. */
  records: DepartmentRecordIdentity[];
  imperfections: Imperfection[];
}

const SECTION = { 'civil-affairs': 'civilAffairs', 'family-planning': 'familyPlanning', labour: 'labour' } as const;

/**
 * The register entry and the department records the generator derived from one truth
 * resident. A record's reference is its line and department — never the resident's ID,
 * which the matcher must find, not be told.
 */
export function toTruthLine(truth: TruthResident, lineNumber: number): TruthLine {
  return {
    resident: {
      id: truth.id,
      name: truth.name,
      gender: truth.gender,
      birthDate: truth.birthDate,
      householdId: truth.publicSecurity.householdId,
      address: truth.publicSecurity.registeredAddress,
    },
    records: MATCHED_DEPARTMENTS.filter((department) => truth[SECTION[department]] !== null).map((department) => {
      const stored = storedIdentityOf(truth, department);
      return { department, recordReference: `${department}#${lineNumber}`, storedId: stored.storedId, nameOnRecord: stored.storedName };
    }),
    imperfections: truth.imperfections,
  };
}

/** Streams `truth.jsonl` a line at a time. */
export async function* readTruth(file: string): AsyncGenerator<TruthLine> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() !== '') yield toTruthLine(JSON.parse(line) as TruthResident, lineNumber);
  }
}
