import type { Population } from '@resident-graph/schemas';
import { generatePopulation, PRESETS, type PresetName } from '../src';
import { pilot } from './pilot';

function checkLayout(population: Population, presetName: PresetName): void {
  const preset = PRESETS[presetName];
  const { street, residents } = population;
  expect(residents).toHaveLength(preset.residents);
  expect(street.households).toHaveLength(preset.households);
  expect(street.communities).toHaveLength(preset.communities);
  expect(street.grids).toHaveLength(preset.grids);

  const householdsPerGrid = new Map<string, number>();
  const householdsPerBuilding = new Map<string, number>();
  const buildingGrid = new Map(street.buildings.map((building) => [building.id, building.gridId]));
  for (const household of street.households) {
    householdsPerBuilding.set(household.buildingId, (householdsPerBuilding.get(household.buildingId) ?? 0) + 1);
    const gridId = buildingGrid.get(household.buildingId)!;
    householdsPerGrid.set(gridId, (householdsPerGrid.get(gridId) ?? 0) + 1);
  }
  const [fewest, most] = preset.gridHouseholds;
  for (const grid of street.grids) {
    expect(householdsPerGrid.get(grid.id)).toBeGreaterThanOrEqual(fewest);
    expect(householdsPerGrid.get(grid.id)).toBeLessThanOrEqual(most);
  }
  for (const building of street.buildings) {
    expect(householdsPerBuilding.get(building.id)).toBeGreaterThanOrEqual(20);
    expect(householdsPerBuilding.get(building.id)).toBeLessThanOrEqual(40);
  }

  const occupied = new Set(residents.map((resident) => resident.householdId));
  expect(occupied.size).toBe(street.households.length);
  expect(new Set(street.households.map((household) => household.id)).size).toBe(street.households.length);
  expect(new Set(street.households.map((household) => household.address)).size).toBe(street.households.length);
}

describe('presets', () => {
  it('pilot: 16,817 residents in 5,829 households, 4 communities, 16 grids of 300–500 households', () => {
    checkLayout(pilot(), 'pilot');
  });

  it('district: 262,103 residents in 89,933 households, 45 communities, 540 grids', () => {
    checkLayout(generatePopulation({ preset: 'district' }), 'district');
  }, 180_000);

  it('gives every grid one or two workers and names places realistically', () => {
    const { street } = pilot();
    for (const grid of street.grids) {
      const workers = street.gridWorkers.filter((worker) => worker.gridIds.includes(grid.id));
      expect(workers.length).toBeGreaterThanOrEqual(1);
      expect(workers.length).toBeLessThanOrEqual(2);
      expect(grid.name).toMatch(/^第\d+网格$/);
      expect(grid.areaSquareMetres).toBeGreaterThan(0);
    }
    for (const community of street.communities) expect(community.name).toMatch(/^\p{Script=Han}{2,3}社区$/u);
    for (const household of street.households) expect(household.address).toMatch(/^上海市浦东新区\p{Script=Han}+路\d+弄\d+号\d{3,4}室$/u);
    expect(new Set(street.buildings.map((building) => building.compoundKind))).toEqual(new Set(['SELF_MANAGED', 'PROPERTY_MANAGED', 'EMPLOYER', 'COURTYARD']));
  });

  it('ties every resident to a dwelling, building, grid and community that exist and agree', () => {
    const { street, residents } = pilot();
    const households = new Map(street.households.map((household) => [household.id, household]));
    const buildings = new Map(street.buildings.map((building) => [building.id, building]));
    const grids = new Map(street.grids.map((grid) => [grid.id, grid]));
    for (const resident of residents) {
      const household = households.get(resident.householdId)!;
      expect(resident.grid.buildingId).toBe(household.buildingId);
      expect(resident.grid.address).toBe(household.address);
      expect(resident.gridId).toBe(buildings.get(household.buildingId)!.gridId);
      expect(resident.grid.gridId).toBe(resident.gridId);
      expect(resident.grid.communityId).toBe(grids.get(resident.gridId)!.communityId);
    }
  });
});
