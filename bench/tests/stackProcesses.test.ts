import { classifyProcess } from '../src/footprint/stackProcesses';
import { parseFootprintOptions } from '../src/footprint/footprintOptions';

const node = '/repo/node_modules/node/bin/node';

it.each([
  [['node', 'tools/stack/scripts/start.cjs'], 'supervisor', 'supervisor'],
  [[node, '/w/build/subgraphs-family-planning-src-main.js'], 'family-planning subgraph', 'own'],
  [[node, '/w/build/adapters-public-security-src-stand-in-main.js'], 'public-security stand-in', 'stand-in'],
  [[node, '--max-semi-space-size=16', '/w/build/gateway-src-main.js'], 'gateway', 'own'],
  [[node, '--no-liftoff', '/w/build/tools-stack-src-embeddedPostgresMain.js'], 'embedded PostgreSQL', 'own'],
  [[node, '/w/build/tools-identity-src-batch-linkMain.js'], 'identity-link (a batch run)', 'own'],
])('names %j %s, counted as %s', (commandLine, name, kind) => {
  expect(classifyProcess(commandLine)).toEqual({ name, kind });
});

it('counts a process it does not know as the stack’s own, by its command line', () => {
  expect(classifyProcess(['/usr/bin/esbuild', '--service=0.25.0', '--ping'])).toEqual({ name: '/usr/bin/esbuild --service=0.25.0 --ping', kind: 'own' });
});

it('reads the defaults and refuses a setting out of range, naming it', () => {
  expect(parseFootprintOptions([])).toEqual({ preset: 'pilot', records: 100, connections: 10, idle: 60, portBase: 5400 });
  expect(() => parseFootprintOptions(['--preset', 'city'])).toThrow(/--preset/);
  expect(() => parseFootprintOptions(['--records', '0'])).toThrow(/--records/);
});
