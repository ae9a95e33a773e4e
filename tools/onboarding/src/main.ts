import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DEPARTMENTS } from '@resident-graph/registry';
import { departmentNames } from './DepartmentNames';
import { parseNewDepartmentArgs, UsageError } from './parseNewDepartmentArgs';
import { scaffoldDepartment } from './scaffoldDepartment';

const REPO_ROOT = path.resolve(__dirname, '../../..');

/** Runs an npm command in the repository, failing with its name if it fails. */
function npm(args: string[]): void {
  process.stdout.write(`\n$ npm ${args.join(' ')}\n`);
  const result = spawnSync('npm', args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (exit ${result.status}); fix it and run it again`);
}

/** `npm run new:department -- --id ID --name NAME --protocol rest|soap|db|csv [--name-en NAME_EN]` */
function main(): void {
  const names = departmentNames(parseNewDepartmentArgs(process.argv.slice(2), DEPARTMENTS));
  const { files, ports } = scaffoldDepartment(REPO_ROOT, names);
  const standIn = names.protocol === 'rest' || names.protocol === 'soap' ? `, stand-in port ${ports.standIn}` : '';
  process.stdout.write(`scaffolded ${names.id} (${names.zh}, ${names.protocol}): subgraph port ${ports.subgraph}${standIn}\n`);
  for (const file of files) process.stdout.write(`  ${file}\n`);
  // Links the two new workspaces; everything they need is installed already.
  npm(['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts']);
  // Templates are laid out for reading; the tree's formatter gives them the layout lint checks.
  npm(['exec', '--offline', '--', 'prettier', '--write', '--log-level', 'warn', ...files]);
  npm(['run', '--silent', 'compose']);
  npm(['run', '--silent', 'docs:policy']);
  process.stdout.write(`
Next (docs/onboarding.md):
  1. adapters/${names.id}/src: replace the sample record and client with the real system's; keep its test green
     (npx jest adapters/${names.id}).
  2. subgraphs/${names.id}/src: the section's fields, its mapping, and the policy rows the department agrees to open
     (permissions.ts denies everyone but its own officers until then).
  3. npm run typecheck && npm run lint && npx jest adapters/${names.id} subgraphs/${names.id}
  4. npm run compose && npm run docs:policy, then commit schemas/ and docs/policy.md with the code.
  5. npm run generate -- --preset pilot --out .data/pilot && npm start; ask as an officer:
     TOKEN=$(npm run --silent token -- --role department-officer --department ${names.id})
`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
}
