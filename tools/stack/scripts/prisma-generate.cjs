// Runs `prisma generate` for every package that owns a Prisma schema.
// Prisma's CLI otherwise tries to download a native schema engine from its own host,
// which these machines cannot reach; generation itself never uses that engine, so any
// existing file satisfies the check (see shared/environment.md).
const { execFileSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../../..');
const owners = ['adapters/civil-affairs', 'adapters/grid', 'tools/audit'];
const env = {
  ...process.env,
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
};
const prismaCli = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
for (const owner of owners) {
  const dir = path.join(root, owner);
  if (!existsSync(path.join(dir, 'prisma', 'schema.prisma'))) continue;
  execFileSync(process.execPath, [prismaCli, 'generate'], { cwd: dir, env, stdio: 'inherit' });
}
