export * from './CivilAffairsRecord';
export { createCivilAffairsAdapter, type CivilAffairsAdapter, type CivilAffairsAdapterOptions } from './createCivilAffairsAdapter';
