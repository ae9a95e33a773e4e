import type { MaritalStatus } from '@resident-graph/schemas';
import { childAge, elderlyAge, motherGap, siblingAge, spouseGap } from './ages';
import { WeightedPool, type Random } from './random';

type Sex = 'MALE' | 'FEMALE';
/** A member's place in the family; CHILD_SPOUSE is a child's husband or wife living in. */
export type Role = 'HEAD' | 'SPOUSE' | 'CHILD' | 'CHILD_SPOUSE' | 'GRANDCHILD' | 'PARENT' | 'COTENANT';

export interface MemberSpec {
  role: Role;
  /** Years (fractional) as of the population's date. */
  age: number;
  gender: Sex;
  maritalStatus: MaritalStatus;
  /** Index of the husband or wife in the same family. */
  spouse: number | null;
  /** Indices of the mother and father living in the same family. */
  parents: number[];
}

const MAX_AGE = 102;
/** A year past the legal ages of marriage (women 20, men 22), so every wedding falls on or after them. */
const MIN_MARRIED_AGE = { FEMALE: 21, MALE: 23 } as const;
/** Old enough to have married and divorced since. */
const MIN_DIVORCED_AGE = 26;

/** Builds one dwelling's family member by member; indices link spouses and parents. */
class Family {
  readonly members: MemberSpec[] = [];

  constructor(private readonly random: Random) {}

  add(role: Role, age: number, gender: Sex, maritalStatus: MaritalStatus, parents: number[] = []): number {
    this.members.push({ role, age: Math.min(MAX_AGE, age), gender, maritalStatus, spouse: null, parents });
    return this.members.length - 1;
  }

  /** A married couple; the husband heads three households in four. Returns [wife, husband]. */
  couple(wifeAge: number, roles: readonly [Role, Role] = ['HEAD', 'SPOUSE']): [number, number] {
    const husbandAge = Math.max(MIN_MARRIED_AGE.MALE, wifeAge + spouseGap(this.random));
    const [wifeRole, husbandRole] = this.random.chance(0.75) ? [roles[1], roles[0]] : roles;
    const wife = this.add(wifeRole, Math.max(MIN_MARRIED_AGE.FEMALE, wifeAge), 'FEMALE', 'MARRIED');
    const husband = this.add(husbandRole, husbandAge, 'MALE', 'MARRIED');
    this.members[wife]!.spouse = husband;
    this.members[husband]!.spouse = wife;
    return [wife, husband];
  }

  /** A couple with children of the given ages, the parents' ages following from the eldest's. */
  coupleWithChildren(childAges: number[]): void {
    const eldest = Math.max(...childAges);
    const parents = this.couple(eldest + motherGap(this.random, eldest));
    for (const age of childAges) this.add('CHILD', age, this.sex(), age < MIN_DIVORCED_AGE || this.random.chance(0.9) ? 'UNMARRIED' : 'DIVORCED', parents);
  }

  /** The head's own parents (one widowed, or both) living in. */
  headsParents(count: 1 | 2, widowedOrAway: MaritalStatus = 'WIDOWED'): void {
    const head = this.members.find((member) => member.role === 'HEAD')!;
    const motherAge = head.age + motherGap(this.random, head.age);
    if (count === 2) head.parents = this.couple(motherAge, ['PARENT', 'PARENT']);
    else if (this.random.chance(0.7)) head.parents = [this.add('PARENT', motherAge, 'FEMALE', widowedOrAway)];
    else head.parents = [this.add('PARENT', motherAge + spouseGap(this.random), 'MALE', widowedOrAway)];
  }

  /** An elderly couple heading the household with a married child, the child's spouse and grandchildren. */
  threeGenerations(grandchildren: 1 | 2): void {
    const grandchildAges = [childAge(this.random, 15)];
    if (grandchildren === 2) grandchildAges.push(siblingAge(this.random, grandchildAges[0]!));
    const eldest = Math.max(...grandchildAges);
    const middleAge = eldest + motherGap(this.random, eldest);
    const [grandmother, grandfather] = this.couple(middleAge + motherGap(this.random, middleAge));
    const childIsSon = this.random.chance(0.7);
    const child = this.add('CHILD', middleAge + (childIsSon ? spouseGap(this.random) : 0), childIsSon ? 'MALE' : 'FEMALE', 'MARRIED', [
      grandmother,
      grandfather,
    ]);
    const inLaw = this.add('CHILD_SPOUSE', middleAge + (childIsSon ? 0 : spouseGap(this.random)), childIsSon ? 'FEMALE' : 'MALE', 'MARRIED');
    this.members[child]!.spouse = inLaw;
    this.members[inLaw]!.spouse = child;
    const parents = childIsSon ? [inLaw, child] : [child, inLaw];
    for (const age of grandchildAges) this.add('GRANDCHILD', age, this.sex(), 'UNMARRIED', parents);
  }

  /** Grandparents raising a grandchild whose parents live elsewhere (隔代抚养). */
  grandparentsWithGrandchild(): void {
    const age = childAge(this.random, 15);
    const middleAge = age + motherGap(this.random, age);
    this.couple(middleAge + motherGap(this.random, middleAge));
    this.add('GRANDCHILD', age, this.sex(), 'UNMARRIED');
  }

  sex(): Sex {
    return this.random.chance(0.515) ? 'MALE' : 'FEMALE';
  }
}

type Template = (family: Family, random: Random) => void;

/** A worker living without their family: married ones often left husband or wife at home. */
function singleStatus(random: Random, age: number): MaritalStatus {
  if (age < MIN_DIVORCED_AGE) return 'UNMARRIED';
  const draw = random.float();
  return draw < 0.45 ? 'UNMARRIED' : draw < (age < 35 ? 0.65 : 0.9) ? 'MARRIED' : 'DIVORCED';
}

// prettier-ignore
const PERMANENT: Record<number, WeightedPool<Template>> = {
  1: new WeightedPool<Template>([
    [(f, r) => f.add('HEAD', elderlyAge(r, 65), r.chance(0.68) ? 'FEMALE' : 'MALE', r.chance(0.8) ? 'WIDOWED' : r.pick(['DIVORCED', 'UNMARRIED'] as const)), 55],
    [(f, r) => {
      const age = r.between(22, 40);
      f.add('HEAD', age, f.sex(), age < MIN_DIVORCED_AGE || r.chance(0.85) ? 'UNMARRIED' : 'DIVORCED');
    }, 30],
    [(f, r) => f.add('HEAD', r.between(40, 60), f.sex(), r.pick(['DIVORCED', 'DIVORCED', 'UNMARRIED', 'WIDOWED'] as const)), 25],
  ]),
  2: new WeightedPool<Template>([
    [(f, r) => f.couple(elderlyAge(r)), 55],
    [(f, r) => f.couple(r.between(45, 60)), 25],
    [(f, r) => f.couple(r.between(24, 36)), 12],
    [(f, r) => singleParent(f, r, [childAge(r)]), 10],
    [(f, r) => {
      f.add('HEAD', r.between(42, 66), f.sex(), r.pick(['DIVORCED', 'UNMARRIED', 'WIDOWED'] as const));
      f.headsParents(1);
    }, 12],
  ]),
  3: new WeightedPool<Template>([
    [(f, r) => f.coupleWithChildren([childAge(r)]), 72],
    [(f, r) => {
      f.couple(r.between(32, 58));
      f.headsParents(1);
    }, 16],
    [(f, r) => singleParent(f, r, twoChildren(r)), 4],
    [(f) => f.grandparentsWithGrandchild(), 8],
  ]),
  4: new WeightedPool<Template>([
    [(f, r) => f.coupleWithChildren(twoChildren(r)), 40],
    [(f, r) => {
      f.coupleWithChildren([childAge(r, 28)]);
      f.headsParents(1);
    }, 45],
    [(f, r) => {
      f.couple(r.between(30, 55));
      f.headsParents(2);
    }, 15],
  ]),
  5: new WeightedPool<Template>([
    [(f, r) => {
      f.coupleWithChildren([childAge(r, 25)]);
      f.headsParents(2);
    }, 50],
    [(f, r) => {
      f.coupleWithChildren(twoChildren(r, 25));
      f.headsParents(1);
    }, 25],
    [(f) => f.threeGenerations(1), 25],
  ]),
  6: new WeightedPool<Template>([
    [(f, r) => {
      f.coupleWithChildren(twoChildren(r, 22));
      f.headsParents(2);
    }, 55],
    [(f) => f.threeGenerations(2), 45],
  ]),
};

// prettier-ignore
const FLOATING: Record<number, WeightedPool<Template>> = {
  1: new WeightedPool<Template>([[(f, r) => cotenants(f, r, 1), 1]]),
  2: new WeightedPool<Template>([[(f, r) => f.couple(r.between(21, 42)), 65], [(f, r) => cotenants(f, r, 2), 35]]),
  3: new WeightedPool<Template>([[(f, r) => f.coupleWithChildren([childAge(r, 16)]), 75], [(f, r) => cotenants(f, r, 3), 25]]),
  4: new WeightedPool<Template>([
    [(f, r) => f.coupleWithChildren(twoChildren(r, 16)), 50],
    // A grandparent come to mind the child; the other grandparent often stayed at home.
    [(f, r) => {
      f.coupleWithChildren([childAge(r, 10)]);
      f.headsParents(1, r.chance(0.6) ? 'MARRIED' : 'WIDOWED');
    }, 50],
  ]),
  5: new WeightedPool<Template>([
    [(f, r) => {
      f.coupleWithChildren(twoChildren(r, 16));
      f.headsParents(1, 'MARRIED');
    }, 1],
  ]),
};

function twoChildren(random: Random, oldest = 35): number[] {
  const first = childAge(random, oldest);
  return [first, siblingAge(random, first)];
}

function singleParent(family: Family, random: Random, childAges: number[]): void {
  const eldest = Math.max(...childAges);
  const isMother = random.chance(0.7);
  const parentAge = Math.max(MIN_DIVORCED_AGE, eldest + motherGap(random, eldest) + (isMother ? 0 : spouseGap(random)));
  const parent = family.add('HEAD', parentAge, isMother ? 'FEMALE' : 'MALE', random.chance(0.7) ? 'DIVORCED' : 'WIDOWED');
  for (const age of childAges) family.add('CHILD', age, family.sex(), 'UNMARRIED', [parent]);
}

/** Unrelated workers sharing a rented flat, or one living alone. */
function cotenants(family: Family, random: Random, count: number): void {
  for (let i = 0; i < count; i++) {
    const age = random.normal(32, 8, 18, 58);
    family.add(count === 1 ? 'HEAD' : 'COTENANT', age, family.sex(), singleStatus(random, age));
  }
}

/** The members of one dwelling of `size` people; floating families come to work, so they are younger. */
export function buildFamily(random: Random, size: number, floating: boolean): MemberSpec[] {
  const templates = (floating ? FLOATING : PERMANENT)[size];
  if (!templates) throw new RangeError(`no family template of ${size} people`);
  const family = new Family(random);
  templates.draw(random)(family, random);
  return family.members;
}

export const MAX_HOUSEHOLD_SIZE = { permanent: 6, floating: 5 } as const;
