import { performance } from 'node:perf_hooks';
import { KEY_SET_PATH } from '@resident-graph/subgraph-kit';
import { KEY_SET_REQUEST_HEADER, loadKey, signKeySetRequest } from '@resident-graph/trust';
import { startTestStack, STREET_ANALYST } from './support';

const PARTS: [string, object][] = [
  ['grid', { facts: [], partitions: [], placement: true }],
  ['grid', { facts: [{ category: 'ELDERLY' }], partitions: [], placement: false }],
  ['labour', { facts: [{ employmentStatus: 'LAID_OFF' }], partitions: [], placement: false }],
  ['civil-affairs', { facts: [{ receivesMinimumLivingAllowance: true }], partitions: [], placement: false }],
  ['civil-affairs', { facts: [{ disabled: true }], partitions: [], placement: false }],
  ['family-planning', { facts: [{ hasChildUnder: 3 }], partitions: [], placement: false }],
  ['public-security', { facts: [{ age: { atLeast: 18 } }], partitions: [], placement: false }],
  ['public-security', { facts: [], partitions: ['GENDER', 'AGE_BAND'], placement: false }],
];

async function main() {
  const stack = await startTestStack({}, { preset: (process.env.PROBE_PRESET as 'district') ?? 'district' });
  try {
    const key = await loadKey(stack.keysDir, 'statistics', 'private');
    for (let round = 0; round < 3; round++) {
      for (const [department, part] of PARTS) {
        const body = JSON.stringify({ asOf: '2026-06-30', ...part });
        const signature = await signKeySetRequest({ caller: STREET_ANALYST, requestId: 'probe', department }, body, key);
        const started = performance.now();
        const response = await fetch(`http://127.0.0.1:${stack.ports.subgraphs[department]}${KEY_SET_PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [KEY_SET_REQUEST_HEADER]: signature },
          body,
        });
        const bytes = (await response.arrayBuffer()).byteLength;
        console.log(round, department, JSON.stringify(part).slice(0, 60), response.status, bytes, (performance.now() - started).toFixed(0), 'ms');
      }
    }
  } finally {
    await stack.stopAll();
  }
}
main();
