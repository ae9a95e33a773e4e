export * from './CivilAffairsRecord';
export { createCivilAffairsAdapter, type CivilAffairsAdapter, type CivilAffairsAdapterOptions } from './createCivilAffairsAdapter';
export { DEFAULT_SCHEMA } from './defaultSchema';
