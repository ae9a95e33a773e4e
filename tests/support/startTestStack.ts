import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, startStack, type Stack, type StackOptions } from '@resident-graph/stack';
import { freeStackPorts } from './freeStackPorts';
import { createTestDatabase, type TestDatabase } from './testDatabase';

export interface TestStack extends Stack {
  dataDir: string;
  stopAll(): Promise<void>;
}

/**
 * The whole system on free ports over real PostgreSQL (a fresh database per suite), on
 * `pilot` data (or `district`, for the suites that must hold at that scale) generated once
 * per checkout into `.data/test-<preset>` (deterministic, so every suite sees the same population).
 */
export async function startTestStack(
  env: NodeJS.ProcessEnv = {},
  options: Pick<StackOptions, 'auditDatabaseUrl' | 'preset' | 'linkRecords'> = {},
): Promise<TestStack> {
  const preset = options.preset ?? 'pilot';
  const dataDir = path.join(REPO_ROOT, '.data', `test-${preset}`);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'resident-graph-e2e-'));
  const database: TestDatabase = await createTestDatabase();
  const ports = await freeStackPorts();
  try {
    const stack = await startStack({
      dataDir,
      workDir,
      preset,
      databaseUrl: database.url,
      ...options,
      env: { LOG_LEVEL: 'warn', ...env },
      ports,
    });
    return {
      ...stack,
      dataDir,
      async stopAll() {
        await stack.stop();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    if (!existsSync(path.join(dataDir, '.complete'))) throw new Error(`test data was not generated into ${dataDir}`, { cause: error });
    throw error;
  }
}
