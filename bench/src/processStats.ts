import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

/** The process and every descendant (a gateway's cluster workers count as the gateway). */
export function processTree(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const children = tasks.flatMap((task) => read(`/proc/${pid}/task/${task}/children`).split(' ').filter(Boolean).map(Number));
  return [pid, ...children.flatMap(processTree)];
}

/** A `<field>: N kB` line of one of a process's /proc files (`status`, `smaps_rollup`), in bytes; 0 once it is gone. */
export const procKilobytes = (pid: number, file: 'status' | 'smaps_rollup', field: string): number =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(read(`/proc/${pid}/${file}`))?.[1] ?? 0) * 1024;

/**
 * Peak resident set size (VmHWM) of a process tree, summed: an upper bound of the tree's
 * peak, exact for a single process.
 */
export function peakRssBytes(pid: number): number {
  return processTree(pid).reduce((sum, each) => sum + procKilobytes(each, 'status', 'VmHWM'), 0);
}

/** Resident set size now (VmRSS) of a process tree, summed. */
export function rssBytes(pid: number): number {
  return processTree(pid).reduce((sum, each) => sum + procKilobytes(each, 'status', 'VmRSS'), 0);
}

/** CPU seconds (user + system) a process tree has used so far. */
export function cpuSeconds(pid: number): number {
  return processTree(pid).reduce((sum, each) => {
    // The command name (field 2) may hold spaces; the fields after it are fixed.
    const fields = read(`/proc/${each}/stat`).split(') ')[1]?.split(' ') ?? [];
    return sum + (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / TICKS_PER_SECOND;
  }, 0);
}

/**
 * The PostgreSQL server's backends serving `database` now (their command line is
 * `postgres: [<cluster>: ]<user> <database> <client> <state>`): the server's work for a
 * stack, which no process tree of the stack holds.
 */
export function postgresBackends(database: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      const backend = /^postgres: (?:\S+: )?\S+ (\S+) /.exec(read(`/proc/${pid}/cmdline`));
      return backend?.[1] === database;
    })
    .map(Number);
}
