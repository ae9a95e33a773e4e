import { PrismaPg } from '@prisma/adapter-pg';
import { namedStatementSettings, statementName } from '@resident-graph/service-kit';
import { PrismaClient } from './generated/prisma/client';

/** The caller's own time-out fires first and reports DEPARTMENT_TIMEOUT. */
const STATEMENT_GRACE_MS = 500;

export interface PrismaClientOptions {
  databaseUrl: string;
  schema: string;
  /** Time limit of one query; the server cancels a statement a little later, so an abandoned query does not run on. */
  timeoutMs: number;
}

/** Prisma Client over the `pg` driver adapter: no native engine needed. */
export function createPrismaClient(options: PrismaClientOptions): PrismaClient {
  const adapter = new PrismaPg(
    {
      connectionString: options.databaseUrl,
      statement_timeout: options.timeoutMs + STATEMENT_GRACE_MS,
      connectionTimeoutMillis: options.timeoutMs,
      max: 10,
      ...namedStatementSettings,
    },
    { schema: options.schema, statementNameGenerator: (query) => statementName(query.sql) },
  );
  return new PrismaClient({ adapter });
}
