import 'reflect-metadata';
import { z } from 'zod';
import { createAuditStore, DEFAULT_ANCHOR_FILE, DEFAULT_SCHEMA, readAnchors, startAnchoring } from '@resident-graph/audit';
import { createLogger, loadSettings, millisecondsSetting, onShutdown, portSetting, startTracing } from '@resident-graph/service-kit';
import { loadKey, loadTrustSettings } from '@resident-graph/trust';
import { startAuditSubgraph } from '.';

async function main(): Promise<void> {
  const settings = loadSettings('subgraph-audit', {
    PORT: portSetting(4106),
    AUDIT_DATABASE_URL: z.string().min(1),
    AUDIT_DATABASE_SCHEMA: z.string().min(1).default(DEFAULT_SCHEMA),
    /** Signed checkpoints of the chain head, outside the audit database (`npm run audit:verify` reads them). */
    AUDIT_ANCHOR_FILE: z.string().min(1).default(DEFAULT_ANCHOR_FILE),
    AUDIT_ANCHOR_INTERVAL_MS: millisecondsSetting(10_000),
  });
  const logger = createLogger('subgraph-audit');
  startTracing('subgraph-audit');
  const store = createAuditStore({ databaseUrl: settings.AUDIT_DATABASE_URL, schema: settings.AUDIT_DATABASE_SCHEMA });
  const keysDir = loadTrustSettings('subgraph-audit').TRUST_KEYS_DIR;
  const privateKey = await loadKey(keysDir, 'audit', 'private');
  const anchoring = startAnchoring({ store, file: settings.AUDIT_ANCHOR_FILE, privateKey, intervalMs: settings.AUDIT_ANCHOR_INTERVAL_MS, logger });
  const anchors = () => readAnchors(settings.AUDIT_ANCHOR_FILE, () => loadKey(keysDir, 'audit', 'public'));
  const running = await startAuditSubgraph({ port: settings.PORT, store, anchors });
  onShutdown(
    async () => {
      await running.close();
      await anchoring.stop();
      await store.close();
    },
    { component: 'subgraph-audit' },
  );
}

main().catch((error: unknown) => {
  createLogger('subgraph-audit').fatal({ err: error }, 'audit subgraph failed to start');
  process.exit(1);
});
