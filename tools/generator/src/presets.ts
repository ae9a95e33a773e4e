/** Sizes from real grid-management pilots (design.md); residents and dwellings are exact. */
export interface Preset {
  streetName: string;
  residents: number;
  households: number;
  communities: number;
  grids: number;
  /** Households per grid, lower and upper bound. */
  gridHouseholds: readonly [number, number];
}

export type PresetName = 'pilot' | 'district';
export const PRESET_NAMES: readonly PresetName[] = ['pilot', 'district'];

export const PRESETS: Record<PresetName, Preset> = {
  pilot: {
    streetName: '金杨新村街道',
    residents: 16_817,
    households: 5_829,
    communities: 4,
    grids: 16,
    gridHouseholds: [300, 500],
  },
  // 89,933 households over ~540 grids is ~167 a grid: the district's grids are finer than the pilot street's.
  district: {
    streetName: '浦东新区',
    residents: 262_103,
    households: 89_933,
    communities: 45,
    grids: 540,
    gridHouseholds: [120, 220],
  },
};

export const REGION_CODE = '310115';
export const CITY_PREFIX = '上海市浦东新区';
export const AS_OF = '2026-06-30';
export const DEFAULT_SEED = 20_260_630;
