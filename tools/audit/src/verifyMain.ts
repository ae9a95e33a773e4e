import { z } from 'zod';
import { createLogger, loadSettings } from '@resident-graph/service-kit';
import { createAuditStore } from './createAuditStore';
import { DEFAULT_SCHEMA, SCHEMA_NAME } from './defaultSchema';
import { describeVerifyReport } from './describeVerifyReport';

/** The embedded database of `npm start`. */
const EMBEDDED_DATABASE_URL = 'postgresql://postgres@127.0.0.1:4432/postgres';

const logger = createLogger('audit-verify');

/** `npm run audit:verify`: prints one verdict line; exit 0 intact, 1 broken, 2 not checked. */
async function main(): Promise<void> {
  const settings = loadSettings('audit-verify', {
    AUDIT_DATABASE_URL: z.string().min(1).default(EMBEDDED_DATABASE_URL),
    AUDIT_DATABASE_SCHEMA: z.string().regex(SCHEMA_NAME).default(DEFAULT_SCHEMA),
  });
  const store = createAuditStore({ databaseUrl: settings.AUDIT_DATABASE_URL, schema: settings.AUDIT_DATABASE_SCHEMA, timeoutMs: 5000 });
  try {
    const report = await store.verify();
    process.stdout.write(`${describeVerifyReport(report)}\n`);
    process.exitCode = report.intact ? 0 : 1;
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  logger.error({ err: error }, 'audit chain not checked');
  process.exitCode = 2;
});
