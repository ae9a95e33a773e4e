import type { TruthStreet } from '@resident-graph/schemas';
import { drawFullName } from './names';
import { feasibleParts, partition } from './partition';
import { CHINESE_NUMERALS, COMMUNITY_NAMES, COMPOUND_KINDS, ROAD_NAMES, compoundName, type CompoundKind } from './places';
import { CITY_PREFIX, type Preset } from './presets';
import type { Random } from './random';

/** A dwelling with everything the rest of the generator needs to know about where it is. */
export interface Dwelling {
  id: string;
  address: string;
  /** A registered (户籍) household; otherwise rented out to the floating population. */
  registered: boolean;
  buildingId: string;
  gridId: string;
  communityId: string;
}

export interface Street {
  truth: TruthStreet;
  dwellings: Dwelling[];
}

/** Share of dwellings let to the floating population (about 22 % of residents live in them). */
const RENTED_SHARE = 0.28;
/** How readily each kind of compound rents out: old housing most. */
const RENTING: Record<CompoundKind, number> = { COURTYARD: 2.4, SELF_MANAGED: 1.8, EMPLOYER: 1.5, PROPERTY_MANAGED: 1 };

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Communities → grids → compounds (one 弄 on a road each) → buildings (号) → dwellings (室). */
export function buildStreet(random: Random, preset: Preset, regionCode: string): Street {
  const truth: TruthStreet = { regionCode, name: preset.streetName, communities: [], grids: [], buildings: [], households: [], gridWorkers: [] };
  const dwellings: Dwelling[] = [];
  const roads = random.shuffle([...ROAD_NAMES]);
  const nextLane = new Map<string, number>();
  const compoundPhases = new Map<string, number>();
  const kinds = new Map<Dwelling, CompoundKind>();

  const communityNames = random.shuffle([...COMMUNITY_NAMES]).slice(0, preset.communities);
  const perCommunity = preset.grids / preset.communities;
  const gridsPerCommunity = partition(random, preset.grids, preset.communities, Math.max(1, Math.floor(perCommunity * 0.7)), Math.ceil(perCommunity * 1.4));
  const householdsPerGrid = partition(random, preset.households, preset.grids, ...preset.gridHouseholds);

  // A name met again is the estate's next phase (二期, 三期 …), as developers name them.
  const uniqueCompoundName = (kind: CompoundKind): string => {
    const name = compoundName(random, kind);
    const phase = (compoundPhases.get(name) ?? 0) + 1;
    compoundPhases.set(name, phase);
    return phase === 1 ? name : `${name}${CHINESE_NUMERALS[phase - 1] ?? phase}期`;
  };

  communityNames.forEach((communityName, communityIndex) => {
    const communityId = `C${pad(communityIndex + 1, 2)}`;
    truth.communities.push({ id: communityId, name: `${communityName}社区` });
    const communityRoads = Array.from({ length: random.int(3, 6) }, (_, i) => roads[(communityIndex * 2 + i) % roads.length]!);

    for (let g = 0; g < gridsPerCommunity[communityIndex]!; g++) {
      const gridNumber = truth.grids.length + 1;
      const gridId = `G${pad(gridNumber, 3)}`;
      const households = householdsPerGrid[gridNumber - 1]!;
      truth.grids.push({
        id: gridId,
        name: `第${gridNumber}网格`,
        communityId,
        areaSquareMetres: Math.round((households * random.between(240, 340)) / 100) * 100,
      });

      const compoundSizes = partition(random, households, feasibleParts(households, 90, 60, 120), 60, 120);
      for (const compoundSize of compoundSizes) {
        const kind = COMPOUND_KINDS.draw(random);
        const name = uniqueCompoundName(kind);
        const road = random.pick(communityRoads);
        const lane = (nextLane.get(road) ?? random.int(1, 80)) + random.int(2, 40);
        nextLane.set(road, lane);
        const unitsPerFloor = kind === 'PROPERTY_MANAGED' ? 4 : random.int(2, 3);

        partition(random, compoundSize, feasibleParts(compoundSize, 30, 20, 40), 20, 40).forEach((buildingSize, b) => {
          const buildingId = `B${pad(truth.buildings.length + 1, 5)}`;
          truth.buildings.push({ id: buildingId, gridId, name: `${name}${b + 1}号楼`, compoundKind: kind });
          for (let d = 0; d < buildingSize; d++) {
            const room = (Math.floor(d / unitsPerFloor) + 1) * 100 + (d % unitsPerFloor) + 1;
            const dwelling = { id: '', address: `${CITY_PREFIX}${road}${lane}弄${b + 1}号${room}室`, registered: true, buildingId, gridId, communityId };
            dwellings.push(dwelling);
            kinds.set(dwelling, kind);
          }
        });
      }
    }
  });

  for (const dwelling of random.sampleWeighted(dwellings, (dwelling) => RENTING[kinds.get(dwelling)!], Math.round(dwellings.length * RENTED_SHARE))) {
    dwelling.registered = false;
  }
  // A registered household keeps its public-security household number (户号); rented flats get a grid number.
  let registeredCount = 0;
  let rentedCount = 0;
  for (const dwelling of dwellings) {
    dwelling.id = dwelling.registered ? `1${pad(++registeredCount, 8)}` : `Z${pad(++rentedCount, 8)}`;
    truth.households.push({ id: dwelling.id, buildingId: dwelling.buildingId, address: dwelling.address, registered: dwelling.registered });
  }
  assignGridWorkers(random, truth);
  return { truth, dwellings };
}

/** One or two workers a grid; a second worker sometimes also covers the next grid of the community. */
function assignGridWorkers(random: Random, truth: TruthStreet): void {
  const nextWorkerId = () => `W${pad(truth.gridWorkers.length + 1, 4)}`;
  const newWorker = (gridIds: string[]) => {
    const gender = random.chance(0.65) ? 'FEMALE' : 'MALE';
    truth.gridWorkers.push({ id: nextWorkerId(), name: drawFullName(random, gender, random.int(1972, 1998)), gridIds });
  };
  truth.grids.forEach((grid, index) => {
    const previous = truth.gridWorkers.at(-1);
    const coveredAlready = previous !== undefined && previous.gridIds.length === 2 && previous.gridIds[1] === grid.id;
    if (!coveredAlready) newWorker([grid.id]);
    if (coveredAlready || !random.chance(0.45)) return;
    const next = truth.grids[index + 1];
    newWorker(next && next.communityId === grid.communityId && random.chance(0.3) ? [grid.id, next.id] : [grid.id]);
  });
}
