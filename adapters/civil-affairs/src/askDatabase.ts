import { DepartmentError } from '@resident-graph/adapter-kit';
import { Prisma } from './generated/prisma/client';

/** Missing table or column: the database answers, but is not the bureau's documented schema. */
const SCHEMA_MISMATCH = new Set(['P2021', 'P2022']);

/** PostgreSQL's codes for a table or column that is not there (undefined_table, undefined_column). */
const MISSING_IN_SCHEMA = new Set(['42P01', '42703']);

/** The PostgreSQL code under a failed raw statement of Prisma's (P2010), as its driver adapter reports it. */
function rawStatementCode(error: Prisma.PrismaClientKnownRequestError): unknown {
  const meta = error.meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined;
  return error.code === 'P2010' ? meta?.driverAdapterError?.cause?.originalCode : undefined;
}

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
    const mismatch =
      error instanceof Prisma.PrismaClientKnownRequestError && (SCHEMA_MISMATCH.has(error.code) || MISSING_IN_SCHEMA.has(String(rawStatementCode(error))));
    if (mismatch) {
      throw new DepartmentError('DEPARTMENT_BAD_RESPONSE', 'civil-affairs', `not the bureau's schema: ${reason}`, { cause: error });
    }
    throw new Error(`database: ${reason}`, { cause: error });
  }
}

/** Like `askDatabase`, for the bureau's own SQL sent with `pg`: a schema that is not the bureau's is a bad response. */
export async function askBureauSql<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (error instanceof Error && typeof code === 'string' && MISSING_IN_SCHEMA.has(code)) {
      throw new DepartmentError('DEPARTMENT_BAD_RESPONSE', 'civil-affairs', `not the bureau's schema: ${error.message}`, { cause: error });
    }
    throw error;
  }
}
