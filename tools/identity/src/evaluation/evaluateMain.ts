import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '@resident-graph/service-kit';
import { describeEvaluation } from './describeEvaluation';
import { evaluateIdentityResolution } from './evaluateIdentityResolution';
import { readTruth, type TruthLine } from './readTruth';

const USAGE = 'usage: npm run identity:evaluate -- --preset pilot|district [--data DIR]   (DIR defaults to .data/<preset>)';
const REPO_ROOT = path.resolve(__dirname, '../../../..');
const log = createLogger('identity-evaluate');

/** The data directory to read: `--data`, or where `npm run generate -- --preset P --out .data/P` writes. */
function dataDirOf(args: readonly string[]): { label: string; truthFile: string } {
  const { values } = parseArgs({ args: [...args], options: { preset: { type: 'string' }, data: { type: 'string' } }, strict: true });
  const preset = values.preset ?? 'pilot';
  if (!['pilot', 'district'].includes(preset)) throw new Error(`unknown preset "${preset}"\n${USAGE}`);
  const dir = path.resolve(REPO_ROOT, values.data ?? path.join('.data', preset));
  const truthFile = path.join(dir, 'truth.jsonl');
  if (!existsSync(truthFile)) throw new Error(`no ${truthFile}: run npm run generate -- --preset ${preset} --out ${dir}\n${USAGE}`);
  return { label: `${preset} (${truthFile})`, truthFile };
}

/** `npm run identity:evaluate`: matches every department record of a generated population and prints how well against its truth. */
async function main(): Promise<void> {
  const { label, truthFile } = dataDirOf(process.argv.slice(2));
  const started = performance.now();
  const lines: TruthLine[] = [];
  for await (const line of readTruth(truthFile)) lines.push(line);
  const readMs = Math.round(performance.now() - started);
  log.info({ truthFile, residents: lines.length, readMs }, 'truth read');
  const evaluation = evaluateIdentityResolution(lines);
  process.stdout.write(`${describeEvaluation(label, evaluation, readMs)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
