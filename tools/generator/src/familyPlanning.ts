import type { TruthChild, TruthFamilyPlanning } from '@resident-graph/schemas';
import type { CitizenIdIssuer } from './CitizenIdIssuer';
import { ageOn, compareDates, dayAtAge, toDay, toIsoDate, yearOf } from './dates';
import { drawGivenName } from './names';
import type { Person } from './people';
import type { Random } from './random';
import type { Serials } from './Serials';

/** Newborns of the last three months: registered with family planning, no ID issued yet. */
const NEWBORN_WINDOW_DAYS = 90;
/** The one-child policy's certificates (独生子女证) went to parents of children born 1980–2015. */
const ONLY_CHILD_ERA = ['1980-01-01', '2015-12-31'] as const;
/** Birth registration (生育登记) replaced birth permits in 2016. */
const BIRTH_REGISTRATION_SINCE = '2016-01-01';
const REWARD_SUPPORT_PER_YEAR = 960;

/** A child as the parents' family-planning record sees it. */
interface KnownChild extends TruthChild {
  registration: TruthFamilyPlanning['birthRegistrations'][number] | null;
}

/**
 * Family-planning records: women 15–49, parents of children under 18, holders of an
 * only-child certificate (reward support from 60). Parents living together share their
 * children, registrations and certificate; newborns appear here only.
 */
export function decideFamilyPlanning(
  random: Random,
  people: readonly Person[],
  issuer: CitizenIdIssuer,
  serials: Serials,
  asOf: string,
): Map<Person, TruthFamilyPlanning> {
  const asOfDay = toDay(asOf);
  const children = new Map<Person, KnownChild[]>();
  const parentsOf = (person: Person): Person[] => (person.spouse ? [person, person.spouse] : [person]);
  const share = (parents: Person[], child: KnownChild) => {
    for (const parent of parents) children.set(parent, [...(children.get(parent) ?? []), child]);
  };

  for (const person of people) {
    for (const child of person.children) {
      if (child.parents[0] === person)
        share(child.parents, { id: child.id, name: child.name, gender: child.gender, birthDate: child.birthDate, registration: null });
    }
    const husband = person.gender === 'FEMALE' ? person.spouse : null;
    const spaced = person.children.every((child) => child.age >= 1);
    if (husband && spaced && person.age >= 22 && person.age <= 40 && random.chance(0.012)) {
      const gender = random.chance(0.515) ? 'MALE' : 'FEMALE';
      const birthDate = toIsoDate(asOfDay - random.int(1, NEWBORN_WINDOW_DAYS));
      share([person, husband], { id: null, name: husband.surname + drawGivenName(random, gender, yearOf(birthDate)), gender, birthDate, registration: null });
    }
  }

  const certificates = new Map<Person, NonNullable<TruthFamilyPlanning['onlyChildCertificate']>>();
  const decided = new Set<Person>();
  for (const person of people) {
    if (decided.has(person)) continue;
    for (const parent of parentsOf(person)) decided.add(parent);
    const known = children.get(person) ?? [];
    // Older parents whose only child has moved out: the child is known by ID, not a resident here.
    if (known.length === 0 && person.age >= 55 && !person.floating && random.chance(0.35)) {
      const mother = person.gender === 'FEMALE' ? person : (person.spouse ?? person);
      const birthDate = toIsoDate(dayAtAge(mother.birthDate, random.int(22, 32)) + random.int(0, 364));
      if (birthDate >= ONLY_CHILD_ERA[0] && birthDate <= ONLY_CHILD_ERA[1]) {
        const gender = random.chance(0.515) ? 'MALE' : 'FEMALE';
        const father = person.gender === 'MALE' ? person : person.spouse;
        const surname = father?.surname ?? person.surname;
        share(parentsOf(person), {
          id: issuer.issue(birthDate, gender),
          name: surname + drawGivenName(random, gender, yearOf(birthDate)),
          gender,
          birthDate,
          registration: null,
        });
      }
    }
    const only = children.get(person);
    if (only?.length !== 1 || only[0]!.birthDate < ONLY_CHILD_ERA[0] || only[0]!.birthDate > ONLY_CHILD_ERA[1] || !random.chance(0.75)) continue;
    const issuedDay = Math.min(toDay('2016-06-30'), toDay(only[0]!.birthDate) + random.int(30, 1_000));
    const certificate = { certificateNumber: serials.next('DZ', toIsoDate(issuedDay).slice(0, 4)), issuedOn: toIsoDate(issuedDay) };
    for (const parent of parentsOf(person)) certificates.set(parent, certificate);
  }

  const records = new Map<Person, TruthFamilyPlanning>();
  for (const person of people) {
    const known = [...(children.get(person) ?? [])].sort((a, b) => compareDates(a.birthDate, b.birthDate));
    const childBearingAge = person.gender === 'FEMALE' && person.age >= 15 && person.age <= 49;
    const certificate = certificates.get(person) ?? null;
    const minorChild = known.some((child) => ageOn(child.birthDate, asOf) < 18);
    if (!childBearingAge && !minorChild && !certificate) continue;
    known.forEach((child, index) => {
      if (child.birthDate < BIRTH_REGISTRATION_SINCE || child.registration) return;
      const registeredOn = toIsoDate(toDay(child.birthDate) - random.int(90, 240));
      child.registration = { registrationNumber: serials.next('SY', registeredOn.slice(0, 4)), registeredOn, childOrder: index + 1 };
    });
    const sixtieth = toIsoDate(dayAtAge(person.birthDate, 60));
    records.set(person, {
      childBearingAge,
      children: known.map(({ id, name, gender, birthDate }) => ({ id, name, gender, birthDate })),
      birthRegistrations: known.flatMap((child) => (child.registration ? [child.registration] : [])),
      onlyChildCertificate: certificate,
      rewardSupport:
        certificate && person.age >= 60
          ? { since: certificate.issuedOn > sixtieth ? certificate.issuedOn : sixtieth, amountPerYear: REWARD_SUPPORT_PER_YEAR }
          : null,
    });
  }
  return records;
}
