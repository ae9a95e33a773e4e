import type { Population } from '@resident-graph/schemas';

/** Headline counts of a population, for the generator's log line. */
export function summarizePopulation(population: Population): Record<string, number> {
  const { street, residents } = population;
  const imperfections: Record<string, number> = {};
  let floating = 0;
  let newborns = 0;
  for (const resident of residents) {
    if (resident.publicSecurity.populationType === 'FLOATING') floating += 1;
    for (const imperfection of resident.imperfections) {
      const key = `${imperfection.department}:${imperfection.kind}`;
      imperfections[key] = (imperfections[key] ?? 0) + 1;
    }
    // Both parents list a newborn; count it once, through the mother.
    if (resident.gender === 'FEMALE' && resident.familyPlanning) {
      newborns += resident.familyPlanning.children.filter((child) => child.id === null).length;
    }
  }
  return {
    residents: residents.length,
    households: street.households.length,
    communities: street.communities.length,
    grids: street.grids.length,
    buildings: street.buildings.length,
    gridWorkers: street.gridWorkers.length,
    floating,
    newborns,
    ...imperfections,
  };
}
