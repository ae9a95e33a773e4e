import path from 'node:path';
import { z } from 'zod';
import { createLogger, loadSettings } from '@resident-graph/service-kit';
import { loadKey, loadTrustSettings } from '@resident-graph/trust';
import { DEFAULT_ANCHOR_FILE, readAnchors } from './auditAnchors';
import { createAuditStore } from './createAuditStore';
import { DEFAULT_SCHEMA, SCHEMA_NAME } from './defaultSchema';
import { describeVerifyReport } from './describeVerifyReport';

/** The embedded database of `npm start`: its Unix socket in `.data/pglite-socket` of the checkout (port 4432 names it). */
const EMBEDDED_DATABASE_URL = `postgresql://postgres@localhost:4432/postgres?host=${encodeURIComponent(path.resolve(__dirname, '../../../.data/pglite-socket'))}`;

const logger = createLogger('audit-verify');

/**
 * `npm run audit:verify`: holds the trail against itself and against the signed checkpoints
 * in `AUDIT_ANCHOR_FILE`; prints one verdict line; exit 0 intact, 1 broken, 2 not checked
 * (a checkpoint file that does not verify is not checked: exit 2, naming the line).
 */
async function main(): Promise<void> {
  const settings = loadSettings('audit-verify', {
    AUDIT_DATABASE_URL: z.string().min(1).default(EMBEDDED_DATABASE_URL),
    AUDIT_DATABASE_SCHEMA: z.string().regex(SCHEMA_NAME).default(DEFAULT_SCHEMA),
    AUDIT_ANCHOR_FILE: z.string().min(1).default(DEFAULT_ANCHOR_FILE),
  });
  const anchors = await readAnchors(settings.AUDIT_ANCHOR_FILE, () => loadKey(loadTrustSettings('audit-verify').TRUST_KEYS_DIR, 'audit', 'public'));
  const store = createAuditStore({ databaseUrl: settings.AUDIT_DATABASE_URL, schema: settings.AUDIT_DATABASE_SCHEMA, timeoutMs: 5000 });
  try {
    const report = await store.verify({ anchors });
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
