import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { storedIdentityOf, type Population } from '@resident-graph/schemas';
import { CATEGORY_LABELS, COMPOUND_KIND_LABELS } from '../gridVocabulary';
import { seedFileName, type StandInRow, type StandInTable } from './standInTables';

function tablesOf(population: Population): Record<StandInTable, StandInRow[]> {
  const { street, residents } = population;
  const surveyed = residents.map((resident, index) => ({ rowId: index + 1, resident, ...storedIdentityOf(resident, 'grid') }));
  return {
    street: [{ region_code: street.regionCode, name: street.name }],
    community: street.communities.map((c) => ({ id: c.id, street_code: street.regionCode, name: c.name })),
    grid: street.grids.map((g) => ({ id: g.id, community_id: g.communityId, name: g.name, area_square_metres: g.areaSquareMetres })),
    building: street.buildings.map((b) => ({ id: b.id, grid_id: b.gridId, name: b.name, compound_kind: COMPOUND_KIND_LABELS[b.compoundKind] })),
    household: street.households.map((h) => ({ id: h.id, building_id: h.buildingId, address: h.address, registered: h.registered })),
    resident: surveyed.map((s) => ({ id: s.rowId, citizen_id: s.storedId, name: s.storedName, household_id: s.resident.householdId })),
    resident_category: surveyed.flatMap((s) =>
      [...new Set(s.resident.grid.categories)].map((category) => ({ resident_id: s.rowId, category: CATEGORY_LABELS[category] })),
    ),
    grid_worker: street.gridWorkers.map((w) => ({ id: w.id, name: w.name })),
    grid_worker_grid: street.gridWorkers.flatMap((w) => [...new Set(w.gridIds)].map((gridId) => ({ grid_worker_id: w.id, grid_id: gridId }))),
  };
}

/**
 * Writes the grid database's seed under `outDir/grid/`: one JSON-lines file per table,
 * rows keyed by column name. Residents live in their dwelling (`householdId`), are
 * numbered in population order, and carry the stored ID and name the survey recorded.
 */
export async function writeStandInData(population: Population, outDir: string): Promise<void> {
  const dir = path.join(outDir, 'grid');
  await mkdir(dir, { recursive: true });
  const tables = tablesOf(population);
  await Promise.all(
    Object.entries(tables).map(([table, rows]) =>
      writeFile(path.join(dir, seedFileName(table as StandInTable)), rows.map((row) => `${JSON.stringify(row)}\n`).join(''), 'utf8'),
    ),
  );
}
