import { isDeepStrictEqual } from 'node:util';
import { maskCitizenId } from '@resident-graph/schemas';
import { comparableRecord, expectedRecord, flagsOf, IDENTITY_KEYS, issueKeys, pick, type SectionName, type TruthIndex } from '@resident-graph/tests';

/** A department whose part of the record may be missing, and where that part is (`null`: the resident itself). */
export interface AllowedLoss {
  department: string;
  section: SectionName | null;
}

/**
 * - `right`: no errors, and (when sampled) exactly what the truth says;
 * - `degraded`: only the allowed department's part missing, with its DEPARTMENT_* code at its path, the rest (when sampled) exact;
 * - `wrong`: a sampled answer that differs from the truth (beyond the allowed loss);
 * - `unexpected`: an HTTP failure, or an error that the allowed loss does not explain.
 */
export type Verdict = 'right' | 'degraded' | 'wrong' | 'unexpected';

const DEPARTMENT_CODES = new Set(['DEPARTMENT_UNAVAILABLE', 'DEPARTMENT_TIMEOUT']);
const enumName = (department: string) => department.toUpperCase().replace(/-/g, '_');

interface GraphQLError {
  message?: string;
  path?: (string | number)[];
  extensions?: { code?: string; department?: string };
}

/** The civil-affairs officer's full record (bench `RESIDENT_QUERY`) the truth says, as `comparable` shapes an answer. */
function expectedOf(resident: Parameters<typeof expectedRecord>[0], truth: TruthIndex) {
  const expected = expectedRecord(resident, truth);
  const flags = flagsOf(expected);
  return {
    ...pick(expected, [...IDENTITY_KEYS, 'civilAffairs']),
    familyPlanning: flags.familyPlanning,
    labour: flags.labour,
    // The resident's own list gathers every department's issues, stored IDs masked.
    issues: issueKeys(
      (['civilAffairs', 'familyPlanning', 'labour'] as const).flatMap((name) =>
        expected[name].issues.map((issue) => ({ ...issue, storedId: maskCitizenId(issue.storedId) })),
      ),
    ),
  };
}

function comparable(resident: Record<string, unknown>) {
  const record = comparableRecord(resident);
  return {
    ...pick(record, [...IDENTITY_KEYS, 'civilAffairs', 'familyPlanning', 'labour']),
    issues: issueKeys(resident.dataQualityIssues as never),
  };
}

/** Whether every error is the allowed department failing, at its part of the record. */
function explainedBy(errors: GraphQLError[], loss: AllowedLoss | null): boolean {
  if (!loss) return false;
  const path = loss.section === null ? ['resident'] : ['resident', loss.section];
  return errors.every(
    (error) =>
      DEPARTMENT_CODES.has(error.extensions?.code ?? '') &&
      error.extensions?.department === loss.department &&
      path.every((segment, i) => error.path?.[i] === segment),
  );
}

/**
 * Judges one answer to the full-record query against truth.jsonl. `sampled` answers are
 * compared field by field; the others only have their errors examined (parsing every body
 * would make the client, not the system, the bottleneck).
 */
export function judgeAnswer(status: number, body: string, sampled: boolean, truth: TruthIndex, loss: AllowedLoss | null): Verdict {
  if (status !== 200) return 'unexpected';
  const hasErrors = body.includes('"errors":');
  if (!hasErrors && !sampled) return 'right';
  let answer: { data?: { resident?: Record<string, unknown> | null } | null; errors?: GraphQLError[] };
  try {
    answer = JSON.parse(body) as typeof answer;
  } catch {
    return 'wrong';
  }
  const errors = answer.errors ?? [];
  if (errors.length > 0 && !explainedBy(errors, loss)) return 'unexpected';
  const degraded = errors.length > 0;
  if (!sampled) return degraded ? 'degraded' : 'right';

  const resident = answer.data?.resident;
  if (degraded && loss!.section === null) return resident === null || resident === undefined ? 'degraded' : 'wrong';
  const id = resident?.id;
  const truthResident = typeof id === 'string' ? truth.byId.get(id) : undefined;
  if (!resident || !truthResident) return 'wrong';
  const expected: Record<string, unknown> = expectedOf(truthResident, truth);
  const actual: Record<string, unknown> = comparable(resident);
  if (degraded) {
    const section = loss!.section!;
    if (actual[section] !== null) return 'wrong';
    expected[section] = null;
    // What the lost department found is missing from the resident's list too.
    expected.issues = (expected.issues as string[]).filter((key) => !key.startsWith(`${enumName(loss!.department)}|`));
  }
  // Through JSON: fields the query did not ask come out of `comparableRecord` as undefined.
  return isDeepStrictEqual(JSON.parse(JSON.stringify(actual)), expected) ? (degraded ? 'degraded' : 'right') : 'wrong';
}
