import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Where the kernel hands out ports to `listen(0)` and to outgoing connections (Linux's default when unreadable). */
function ephemeralRangeStart(): number {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 32_768;
  } catch {
    return 32_768;
  }
}

const LOWEST = 10_000;
const BLOCK = 4_000;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * `count` ports free right now, for servers a test starts a moment later. Below the kernel's
 * ephemeral range: a port from `listen(0)` was free only until the next `listen(0)` or
 * outgoing connection in any process took it — a unit test's server on it once answered a
 * stack's health check in its place. Each jest worker draws from its own block, so two
 * suites running side by side never draw the same port.
 */
export async function freePorts(count: number): Promise<number[]> {
  const blocks = Math.max(1, Math.floor((ephemeralRangeStart() - LOWEST) / BLOCK));
  const worker = Number(process.env.JEST_WORKER_ID ?? 0);
  const low = LOWEST + (worker % blocks) * BLOCK;
  const ports: number[] = [];
  let candidate = low + Math.floor(Math.random() * (BLOCK - count * 4));
  while (ports.length < count) {
    if (candidate >= low + BLOCK) candidate = low;
    if (await isFree(candidate)) ports.push(candidate);
    candidate++;
  }
  return ports;
}
