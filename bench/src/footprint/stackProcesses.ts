import { readFileSync } from 'node:fs';
import path from 'node:path';
import { procKilobytes, processTree } from '../processStats';

/** What the issue counts a process as: the stack's own, a department's stand-in, or the supervisor that starts them. */
export type ProcessKind = 'own' | 'stand-in' | 'supervisor';

export interface StackProcess {
  pid: number;
  name: string;
  kind: ProcessKind;
}

/**
 * A process of `npm start` by its command line: the supervisor runs `scripts/start.cjs`, every
 * other process a bundle named after its entry (`subgraphs-labour-src-main.js`).
 */
export function classifyProcess(commandLine: readonly string[]): Omit<StackProcess, 'pid'> {
  const script = commandLine.at(-1) ?? '';
  if (script.endsWith('start.cjs')) return { name: 'supervisor', kind: 'supervisor' };
  const bundle = path.basename(script).replace(/\.js$/, '');
  const standIn = /^adapters-(.+)-src-stand-in-main$/.exec(bundle);
  if (standIn) return { name: `${standIn[1]} stand-in`, kind: 'stand-in' };
  const subgraph = /^subgraphs-(.+)-src-main$/.exec(bundle);
  if (subgraph) return { name: `${subgraph[1]} subgraph`, kind: 'own' };
  if (bundle === 'gateway-src-main') return { name: 'gateway', kind: 'own' };
  if (bundle === 'tools-stack-src-embeddedPostgresMain') return { name: 'embedded PostgreSQL', kind: 'own' };
  if (bundle === 'tools-identity-src-batch-linkMain') return { name: 'identity-link (a batch run)', kind: 'own' };
  return { name: commandLine.join(' '), kind: 'own' };
}

export interface ProcessMemory extends StackProcess {
  rssBytes: number;
  peakRssBytes: number;
  /** Its share of the memory it shares with others (Node's binary, mostly), the rest whole: what the machine spends on it. */
  pssBytes: number;
}

/** Every live process under the supervisor, named, with its resident memory now and at its peak. */
export function stackMemory(supervisorPid: number): ProcessMemory[] {
  return processTree(supervisorPid).flatMap((pid) => {
    let commandLine: string[];
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    } catch {
      return [];
    }
    return [
      {
        pid,
        ...classifyProcess(commandLine),
        rssBytes: procKilobytes(pid, 'status', 'VmRSS'),
        peakRssBytes: procKilobytes(pid, 'status', 'VmHWM'),
        pssBytes: procKilobytes(pid, 'smaps_rollup', 'Pss'),
      },
    ];
  });
}
