export { generatePopulation, type GenerateOptions } from './generatePopulation';
export { writePopulation } from './writePopulation';
export { summarizePopulation } from './summarizePopulation';
export { AS_OF, DEFAULT_SEED, PRESETS, PRESET_NAMES, REGION_CODE, type Preset, type PresetName } from './presets';
