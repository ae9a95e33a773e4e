import type { MaritalStatus, RelationToHead } from '@resident-graph/schemas';
import type { Dwelling } from './buildStreet';
import type { CitizenIdIssuer } from './CitizenIdIssuer';
import { ageOn, birthDayForAge, toIsoDate, yearOf } from './dates';
import type { MemberSpec, Role } from './families';
import { drawGivenName, drawSurname } from './names';
import { WeightedPool, type Random } from './random';

/** A resident while the generator decides their facts; family links are object references. */
export interface Person {
  id: string;
  name: string;
  surname: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  /** Completed years on the population's date. */
  age: number;
  dwelling: Dwelling;
  floating: boolean;
  role: Role;
  relationToHead: RelationToHead | null;
  maritalStatus: MaritalStatus;
  ethnicityCode: string;
  spouse: Person | null;
  /** Mother and/or father living in the same dwelling. */
  parents: Person[];
  /** Children living in the same dwelling. */
  children: Person[];
}

/** 汉族 and the minorities most often met in Shanghai (GB 3304 codes). */
const ETHNICITIES = new WeightedPool<string>([
  ['01', 985],
  ['03', 3],
  ['11', 3],
  ['10', 1.5],
  ['15', 1.5],
  ['02', 1],
  ['08', 1],
  ['06', 1],
  ['04', 0.5],
  ['05', 0.5],
  ['07', 0.5],
  ['12', 0.5],
  ['13', 0.5],
  ['14', 0.5],
  ['09', 0.5],
]);

const ROLE_ORDER: Record<Role, number> = { HEAD: 0, SPOUSE: 1, PARENT: 2, CHILD: 3, CHILD_SPOUSE: 4, GRANDCHILD: 5, COTENANT: 6 };

function relationToHead(role: Role, gender: 'MALE' | 'FEMALE'): RelationToHead {
  switch (role) {
    case 'HEAD':
      return 'HEAD';
    case 'SPOUSE':
      return 'SPOUSE';
    case 'CHILD':
      return gender === 'MALE' ? 'SON' : 'DAUGHTER';
    case 'GRANDCHILD':
      return 'GRANDCHILD';
    case 'PARENT':
      return 'PARENT';
    case 'CHILD_SPOUSE':
    case 'COTENANT':
      return 'OTHER';
  }
}

/**
 * Turns one dwelling's member specs into people: children take the father's surname
 * (sometimes the mother's; a single mother's child often the absent father's), wives keep
 * their own, ethnicity runs in the family.
 */
export function createHousehold(random: Random, issuer: CitizenIdIssuer, dwelling: Dwelling, specs: MemberSpec[], asOfDay: number): Person[] {
  const asOf = toIsoDate(asOfDay);
  const householdEthnicity = ETHNICITIES.draw(random);
  const surnames = new Map<number, string>();
  const ethnicities = new Map<number, string>();

  const inherit = <T>(memo: Map<number, T>, index: number, own: () => T, fromFather: number): T => {
    const known = memo.get(index);
    if (known !== undefined) return known;
    const spec = specs[index]!;
    const father = spec.parents.find((parent) => specs[parent]!.gender === 'MALE');
    const mother = spec.parents.find((parent) => specs[parent]!.gender === 'FEMALE');
    let value: T;
    if (father !== undefined && (mother === undefined || random.chance(fromFather))) value = inherit(memo, father, own, fromFather);
    else if (mother !== undefined && father === undefined && random.chance(0.6)) value = own();
    else value = mother !== undefined ? inherit(memo, mother, own, fromFather) : own();
    memo.set(index, value);
    return value;
  };

  const people = specs.map((spec, index): Person => {
    const birthDate = toIsoDate(birthDayForAge(asOfDay, spec.age));
    const surname = inherit(surnames, index, () => drawSurname(random), 0.95);
    const ethnicityCode = inherit(ethnicities, index, () => (random.chance(0.85) ? householdEthnicity : ETHNICITIES.draw(random)), 0.5);
    return {
      id: issuer.issue(birthDate, spec.gender),
      name: surname + drawGivenName(random, spec.gender, yearOf(birthDate)),
      surname,
      gender: spec.gender,
      birthDate,
      age: ageOn(birthDate, asOf),
      dwelling,
      floating: !dwelling.registered,
      role: spec.role,
      relationToHead: dwelling.registered ? relationToHead(spec.role, spec.gender) : null,
      maritalStatus: spec.maritalStatus,
      ethnicityCode,
      spouse: null,
      parents: [],
      children: [],
    };
  });
  specs.forEach((spec, index) => {
    const person = people[index]!;
    if (spec.spouse !== null) person.spouse = people[spec.spouse]!;
    for (const parentIndex of spec.parents) {
      const parent = people[parentIndex]!;
      person.parents.push(parent);
      parent.children.push(person);
    }
  });
  return people.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
}
