import { inJurisdiction, type Jurisdiction } from '@resident-graph/subgraph-kit';
import type { Caller } from '@resident-graph/trust';
import { searchScope } from '../src/resident/searchScope';

// The search by name applies its scope in SQL; the policy checks each field with
// inJurisdiction. The two must agree on every caller and every place a search can find
// someone in (it finds only residents the survey places).
const PLACES: Jurisdiction[] = [
  { gridId: 'G01', communityId: 'C01' },
  { gridId: 'G02', communityId: 'C01' },
  { gridId: 'G03', communityId: 'C02' },
];
const caller = (overrides: Partial<Caller>): Caller => ({ subject: 's', role: 'grid-worker', department: null, grids: [], community: null, ...overrides });
const CALLERS: Caller[] = [
  caller({ role: 'grid-worker', grids: ['G01'] }),
  caller({ role: 'grid-worker', grids: ['G01', 'G03'] }),
  caller({ role: 'grid-worker', grids: [] }),
  caller({ role: 'grid-worker', community: 'C01' }),
  caller({ role: 'window-clerk', community: 'C02' }),
  caller({ role: 'window-clerk', grids: ['G01'] }),
  caller({ role: 'department-officer', department: 'labour', grids: ['G02'] }),
  caller({ role: 'department-officer', department: 'labour', grids: ['G02'], community: 'C02' }),
  caller({ role: 'department-officer', department: 'labour', community: 'C02' }),
  caller({ role: 'department-officer', department: 'labour' }),
  caller({ role: 'analyst', grids: ['G01'] }),
  caller({ role: 'auditor', community: 'C01' }),
];

function scopeHolds(scope: ReturnType<typeof searchScope>, place: Jurisdiction): boolean {
  if (scope === null) return false;
  if (scope.community !== null) return place.communityId === scope.community;
  return scope.grids.length === 0 || (place.gridId !== null && scope.grids.includes(place.gridId));
}

test.each(CALLERS.map((c) => [`${c.role} grids=[${c.grids.join(',')}] community=${c.community}`, c] as const))(
  'the search scope of a %s holds exactly the places its jurisdiction does',
  (_, who) => {
    expect(PLACES.map((place) => scopeHolds(searchScope(who), place))).toEqual(PLACES.map((place) => inJurisdiction(who, place)));
  },
);

test('a caller who reaches no one has no scope, not the whole street', () => {
  expect(searchScope(caller({ role: 'grid-worker', grids: [] }))).toBeNull();
  expect(searchScope(caller({ role: 'window-clerk' }))).toBeNull();
  expect(searchScope(caller({ role: 'analyst' }))).toBeNull();
});
