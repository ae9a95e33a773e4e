import { DepartmentError } from '@resident-graph/adapter-kit';
import { Prisma } from './generated/prisma/client';

/** Missing table or column: the database answers, but is not the bureau's documented schema. */
const SCHEMA_MISMATCH = new Set(['P2021', 'P2022']);

/**
 * Runs one call to the bureau's database and makes its failure fit for callers. Prisma's
 * messages quote the calling source over several lines; its last line says what
 * happened, and the full error stays as the cause.
 */
export async function askDatabase<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DepartmentError || !(error instanceof Error)) throw error;
    const reason = error.message.trim().split('\n').at(-1) ?? error.name;
    if (error instanceof Prisma.PrismaClientKnownRequestError && SCHEMA_MISMATCH.has(error.code)) {
      throw new DepartmentError('DEPARTMENT_BAD_RESPONSE', 'civil-affairs', `not the bureau's schema: ${reason}`, { cause: error });
    }
    throw new Error(`database: ${reason}`, { cause: error });
  }
}
