import { readTruth } from '@resident-graph/tests';
import { gridWorkerCredentials, OFFICER_CREDENTIALS, residentAnswered, residentBody, rosterAnswered, rosterBody, type Workload } from './workloads';

/** A small seeded generator (mulberry32): the same residents every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Workload 1: residents drawn at random from the truth. Residents whose household-register
 * entry has a mistyped ID are left out: public security answers `null` for them by design.
 */
export function residentWorkload(dataDir: string, count = 500, seed = 4): Workload {
  const random = seededRandom(seed);
  const residents = readTruth(dataDir).filter((r) => !r.imperfections.some((i) => i.department === 'public-security' && i.kind === 'ID_TYPO'));
  const bodies = Array.from({ length: count }, () => residentBody(residents[Math.floor(random() * residents.length)]!.id));
  return {
    name: 'resident',
    description: "one resident's full record by citizen ID (random residents), as a civil-affairs officer",
    credentials: OFFICER_CREDENTIALS,
    bodies,
    check: residentAnswered,
  };
}

/** Workload 2: the first roster page of every grid. */
export function rosterWorkload(gridIds: string[]): Workload {
  return {
    name: 'roster',
    description: "a grid roster page of 100 residents with every section's flags, as the grid worker",
    credentials: gridWorkerCredentials(gridIds),
    bodies: gridIds.map((grid) => rosterBody(grid)),
    check: rosterAnswered,
  };
}
