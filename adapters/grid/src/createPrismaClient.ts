import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export interface PrismaClientOptions {
  databaseUrl: string;
  schema: string;
  /** Also the server-side statement limit, so an abandoned query does not run on. */
  timeoutMs: number;
}

/** Prisma Client over the `pg` driver adapter: no native engine needed. */
export function createPrismaClient(options: PrismaClientOptions): PrismaClient {
  const adapter = new PrismaPg(
    { connectionString: options.databaseUrl, statement_timeout: options.timeoutMs, connectionTimeoutMillis: options.timeoutMs, max: 10 },
    { schema: options.schema },
  );
  return new PrismaClient({ adapter });
}
