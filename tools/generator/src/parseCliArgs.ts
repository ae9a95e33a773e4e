import { parseArgs } from 'node:util';
import type { GenerateOptions } from './generatePopulation';
import { DEFAULT_SEED, PRESET_NAMES, type PresetName } from './presets';

const USAGE = 'usage: npm run generate -- --preset pilot|district --out DIR [--seed N]';

export interface CliOptions extends Required<GenerateOptions> {
  out: string;
}

/** Reads `--preset`, `--out` and `--seed`; throws with the usage line on anything else. */
export function parseCliArgs(args: readonly string[]): CliOptions {
  let values: { preset?: string; out?: string; seed?: string };
  try {
    ({ values } = parseArgs({ args: [...args], options: { preset: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } }, strict: true }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  const preset = values.preset ?? 'pilot';
  if (!PRESET_NAMES.includes(preset as PresetName)) throw new Error(`unknown preset "${preset}"\n${USAGE}`);
  if (!values.out) throw new Error(`--out DIR is required\n${USAGE}`);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, not "${values.seed}"\n${USAGE}`);
  return { preset: preset as PresetName, seed, out: values.out };
}
