import { PrismaPg } from '@prisma/adapter-pg';
import { namedStatementSettings, statementName } from '@resident-graph/service-kit';
import { DEFAULT_SCHEMA } from './defaultSchema';
import { PrismaClient } from './generated/prisma/client';

export interface CivilAffairsDatabase {
  databaseUrl: string;
  /** The PostgreSQL schema holding the bureau's tables. @default 'civil_affairs' */
  schema?: string;
}

/** Prisma Client over the `pg` driver adapter: no native query engine needed. */
export function createCivilAffairsClient({ databaseUrl, schema = DEFAULT_SCHEMA }: CivilAffairsDatabase): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg(
      { connectionString: databaseUrl, ...namedStatementSettings },
      { schema, statementNameGenerator: (query) => statementName(query.sql) },
    ),
  });
}
export type { PrismaClient };
