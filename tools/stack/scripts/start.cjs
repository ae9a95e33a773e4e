// `npm start`. The supervisor runs compiled, like every process it starts: under the
// TypeScript loader it held about 125 MB before doing anything. The loader runs only in the
// short-lived process that compiles it.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '../../..');
const compile = spawnSync(process.execPath, ['-r', '@swc-node/register', 'tools/stack/src/compileSupervisor.ts'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
});
if (compile.status !== 0) process.exit(compile.status ?? 1);
require(compile.stdout.trim());
