import type { TruthCivilAffairs } from '@resident-graph/schemas';
import { compareDates, dayAtAge, toDay, toIsoDate, yearOf } from './dates';
import { drawFullName } from './names';
import type { Person } from './people';
import type { Random } from './random';

type Marriage = TruthCivilAffairs['marriages'][number];

/**
 * Women married at about 23 before 1960, 25 before 1980, 27 since; never before the legal
 * ages (women 20, men 22), before the eldest child's birth, nor after `latest`.
 */
function weddingDay(random: Random, partners: readonly Person[], eldestChild: Person | undefined, latest: number): number {
  const earliest = Math.max(...partners.map((partner) => dayAtAge(partner.birthDate, partner.gender === 'MALE' ? 22 : 20)));
  const anchor = partners.find((partner) => partner.gender === 'FEMALE') ?? partners[0]!;
  const birthYear = yearOf(anchor.birthDate);
  const typicalAge = (birthYear < 1960 ? 23 : birthYear < 1980 ? 25 : 27.5) + (anchor.gender === 'MALE' ? 2 : 0);
  let day = Math.round(toDay(anchor.birthDate) + random.normal(typicalAge, 2.5, 20, 40) * 365.25);
  if (eldestChild) day = Math.min(day, toDay(eldestChild.birthDate) - random.int(150, 900));
  return Math.max(earliest, Math.min(latest, day));
}

/**
 * Marriage registrations (婚姻登记) of registered residents: a couple living together shares
 * one, with each other's name and ID; the divorced have a marriage and a divorce, the
 * widowed the marriage to a spouse no longer alive (and so without a resident ID).
 */
export function decideMarriages(random: Random, people: readonly Person[], asOf: string): Map<Person, Marriage[]> {
  const asOfDay = toDay(asOf);
  const records = new Map<Person, Marriage[]>();
  for (const person of people) {
    if (person.floating || records.has(person)) continue;
    const eldestChild = [...person.children].sort((a, b) => compareDates(a.birthDate, b.birthDate))[0];
    const { spouse } = person;
    if (person.maritalStatus === 'MARRIED' && spouse) {
      const registeredOn = toIsoDate(weddingDay(random, [person, spouse], eldestChild, asOfDay - random.int(30, 400)));
      records.set(person, [{ registeredOn, kind: 'MARRIAGE', spouseName: spouse.name, spouseId: spouse.id }]);
      records.set(spouse, [{ registeredOn, kind: 'MARRIAGE', spouseName: person.name, spouseId: person.id }]);
    } else if (person.maritalStatus === 'DIVORCED' || person.maritalStatus === 'WIDOWED') {
      const formerSpouseName = drawFullName(random, person.gender === 'MALE' ? 'FEMALE' : 'MALE', yearOf(person.birthDate));
      const married = weddingDay(random, [person], eldestChild, asOfDay - random.int(400, 1_200));
      const marriage: Marriage = { registeredOn: toIsoDate(married), kind: 'MARRIAGE', spouseName: formerSpouseName, spouseId: null };
      if (person.maritalStatus === 'WIDOWED') {
        records.set(person, [marriage]);
      } else {
        const divorced = Math.min(asOfDay - 20, married + random.int(2, 15) * 365 + random.int(0, 364));
        records.set(person, [
          marriage,
          { registeredOn: toIsoDate(Math.max(married + 200, divorced)), kind: 'DIVORCE', spouseName: formerSpouseName, spouseId: null },
        ]);
      }
    }
  }
  return records;
}
