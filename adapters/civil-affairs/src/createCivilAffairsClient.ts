import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export interface CivilAffairsDatabase {
  databaseUrl: string;
  /** The PostgreSQL schema holding the bureau's tables. @default 'civil_affairs' */
  schema?: string;
}

export const DEFAULT_SCHEMA = 'civil_affairs';

/** Prisma Client over the `pg` driver adapter: no native query engine needed. */
export function createCivilAffairsClient({ databaseUrl, schema = DEFAULT_SCHEMA }: CivilAffairsDatabase): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }, { schema }) });
}
export type { PrismaClient };
