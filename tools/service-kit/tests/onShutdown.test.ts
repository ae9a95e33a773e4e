import { spawn } from 'node:child_process';
import path from 'node:path';
import { onShutdown } from '../src/onShutdown';

const PROBE = path.join(__dirname, 'fixtures', 'shutdownProbe.ts');

/** Starts the probe, sends SIGTERM once it is ready; its exit code and what it logged. */
function terminate(env: Record<string, string>): Promise<{ code: number | null; lines: { msg: string }[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', PROBE], { env: { ...process.env, LOG_LEVEL: 'info', ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.startsWith('ready\n') && !child.killed) child.kill('SIGTERM');
    });
    child.once('exit', (code) =>
      resolve({
        code,
        lines: output
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as { msg: string }),
      }),
    );
  });
}

it('exits 0 once the close has finished within SHUTDOWN_GRACE_MS', async () => {
  const { code, lines } = await terminate({ CLOSE_MS: '300', SHUTDOWN_GRACE_MS: '3000' });
  expect(code).toBe(0);
  expect(lines.map((line) => line.msg)).toEqual(['shutting down: no new requests, finishing those in flight', 'stopped']);
}, 20_000);

it('exits 1 when the close outlasts SHUTDOWN_GRACE_MS', async () => {
  const { code, lines } = await terminate({ CLOSE_MS: '5000', SHUTDOWN_GRACE_MS: '300' });
  expect(code).toBe(1);
  expect(lines.map((line) => line.msg)).toContain('shutdown grace exceeded: exiting with work unfinished');
}, 20_000);

it('shuts down when the supervisor that started it with a channel is killed', async () => {
  // The supervisor: starts the probe with a channel to itself, the probe's output on its own stdout.
  const supervisor = spawn(
    process.execPath,
    [
      '-e',
      `require('node:child_process').spawn(process.execPath, ['-r', '@swc-node/register', ${JSON.stringify(PROBE)}], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }); setInterval(() => undefined, 1000);`,
    ],
    { env: { ...process.env, LOG_LEVEL: 'info', CLOSE_MS: '100', SHUTDOWN_GRACE_MS: '3000' } },
  );
  let output = '';
  // The probe holds the pipe after the supervisor is gone: it ends when the probe has exited.
  const ended = new Promise<void>((resolve) => supervisor.stdout.once('end', resolve));
  supervisor.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.startsWith('ready\n') && !supervisor.killed) supervisor.kill('SIGKILL');
  });
  await ended;
  const lines = output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg: string; signal?: string });
  expect(lines.map(({ msg, signal }) => [msg, signal])).toEqual([
    ['shutting down: no new requests, finishing those in flight', 'supervisor gone'],
    ['stopped', undefined],
  ]);
}, 20_000);

it('refuses a grace that is not a positive number of milliseconds, naming the setting', () => {
  expect(() => onShutdown(async () => undefined, { component: 'probe', env: { SHUTDOWN_GRACE_MS: 'soon' } })).toThrow(
    /probe: invalid settings — SHUTDOWN_GRACE_MS/,
  );
});
