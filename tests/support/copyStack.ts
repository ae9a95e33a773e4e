import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createTestDatabase } from './testDatabase';

export interface CopyStack {
  /** Where the copy's stack says it runs from: the copy, not this checkout. */
  repoRoot: string;
  gatewayUrl: string;
  keysDir: string;
  /** Restarts one subgraph of the copy, which then runs the copy's code as it is now. */
  restart(subgraph: string): Promise<void>;
}

/**
 * The stack of a copy of the repository (`copyRepo`), run by the copy's own code
 * (`stackProcess.ts`) over a fresh database. `stop` is usable at once, so a test that
 * times out while the stack starts still cleans up.
 */
export function startCopyStack(copyRoot: string, dataDir: string): { ready: Promise<CopyStack>; stop(): Promise<void> } {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'rg-onboarding-stack-'));
  const database = createTestDatabase('rg_onboarding');
  const child = database.then((db) =>
    spawn(process.execPath, ['-r', '@swc-node/register', 'tests/support/stackProcess.ts'], {
      cwd: copyRoot,
      env: { ...process.env, STACK_DATA_DIR: dataDir, STACK_WORK_DIR: workDir, DATABASE_URL: db.url },
      stdio: ['pipe', 'pipe', 'pipe'],
    }),
  );
  const ready = child.then(async (stackChild) => {
    let stderr = '';
    stackChild.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines = createInterface({ input: stackChild.stdout });
    const nextLine = () =>
      new Promise<string>((resolve, reject) => {
        lines.once('line', resolve);
        stackChild.once('exit', () => reject(new Error(`the copy's stack exited:\n${stderr}`)));
      });
    const started = JSON.parse(await nextLine()) as Omit<CopyStack, 'restart'>;
    return {
      ...started,
      async restart(subgraph: string) {
        stackChild.stdin.write(`restart ${subgraph}\n`);
        const answer = await nextLine();
        if (answer !== `restarted ${subgraph}`) throw new Error(`restarting ${subgraph}: ${answer}`);
      },
    };
  });
  return {
    ready,
    async stop() {
      const stackChild = await child;
      if (stackChild.exitCode === null && stackChild.signalCode === null) {
        const exited = new Promise((resolve) => stackChild.once('exit', resolve));
        stackChild.kill('SIGTERM');
        await exited;
      }
      await (await database).drop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
