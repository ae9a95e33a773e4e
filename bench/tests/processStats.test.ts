import { spawn } from 'node:child_process';
import { cpuSeconds, peakRssBytes, processTree } from '../src/processStats';

describe('process statistics from /proc', () => {
  it('counts a child in the tree, its memory in the peak and its CPU time', async () => {
    // The child burns 0.2 s of its own CPU time (not wall time, which a loaded machine stretches), then says so.
    const burn = 'while (process.cpuUsage().user < 200000); process.stdout.write("burnt"); setTimeout(() => {}, 5000);';
    const child = spawn(process.execPath, ['-e', burn], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      await new Promise((resolve) => child.stdout!.once('data', resolve));
      expect(processTree(process.pid)).toContain(child.pid);
      expect(peakRssBytes(process.pid)).toBeGreaterThan(peakRssBytes(child.pid!));
      expect(peakRssBytes(child.pid!)).toBeGreaterThan(10 * 1024 * 1024);
      expect(cpuSeconds(child.pid!)).toBeGreaterThanOrEqual(0.15);
    } finally {
      child.kill();
    }
    // A busy machine (the whole unit suite runs beside it) stretches those CPU seconds in wall time.
  }, 30_000);

  it('reads a process that has gone as nothing', () => {
    expect(processTree(2 ** 22 + 1)).toEqual([]);
    expect(peakRssBytes(2 ** 22 + 1)).toBe(0);
  });
});
