import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export interface AuditClientOptions {
  databaseUrl: string;
  schema: string;
  /** How long to wait for a new connection before giving up. */
  connectTimeoutMs: number;
  onConnectionError?: (error: Error) => void;
}

/** Prisma Client over the `pg` driver adapter: no native query engine needed. */
export function createAuditClient({ databaseUrl, schema, connectTimeoutMs, onConnectionError }: AuditClientOptions): PrismaClient {
  const adapter = new PrismaPg(
    { connectionString: databaseUrl, connectionTimeoutMillis: connectTimeoutMs },
    { schema, onPoolError: onConnectionError, onConnectionError },
  );
  return new PrismaClient({ adapter });
}
export type { PrismaClient };
