import { DISABILITY_CATEGORIES, type DisabilityCategory, type TruthAllowanceCase, type TruthCivilAffairs, type TruthLabour } from '@resident-graph/schemas';
import type { Dwelling } from './buildStreet';
import { addYears, dayAtAge, toDay, toIsoDate } from './dates';
import { decideMarriages } from './marriages';
import type { Person } from './people';
import { WeightedPool, type Random } from './random';
import type { Serials } from './Serials';

/** Shanghai's minimum living standard per person per month (元); a case pays up to it. */
const MINIMUM_LIVING_STANDARD = 1_510;
const CATEGORIES = new WeightedPool<DisabilityCategory>([
  ['PHYSICAL', 30],
  ['HEARING', 20],
  ['SIGHT', 15],
  ['MULTIPLE', 13],
  ['INTELLECTUAL', 10],
  ['MENTAL', 10],
  ['SPEECH', 2],
]);
const GRADES = new WeightedPool<1 | 2 | 3 | 4>([
  [1, 12],
  [2, 20],
  [3, 30],
  [4, 38],
]);
const VETERAN_CATEGORIES: readonly string[] = ['退役军人', '伤残军人', '参战退役人员', '带病回乡退伍军人', '烈士遗属'];
/** Second-generation disability certificates (number = ID + category + grade) since 2008. */
const CERTIFICATE_SINCE = toDay('2008-01-01');
/** Shanghai's elderly allowance (老年综合津贴) began in April 2016. */
const ELDERLY_ALLOWANCE_SINCE = '2016-04-01';

function disabilityShare(age: number): number {
  return age < 18 ? 0.015 : age < 45 ? 0.03 : age < 60 ? 0.05 : age < 80 ? 0.08 : 0.14;
}

/**
 * Civil-affairs records of registered residents (the floating population's are kept where
 * they are registered): disability, elderly allowance, veterans, marriages, and the
 * household's 低保 / 特困 case, which every member of the household shares.
 */
export function decideCivilAffairs(
  random: Random,
  people: readonly Person[],
  labour: ReadonlyMap<Person, TruthLabour>,
  serials: Serials,
  asOf: string,
): Map<Person, TruthCivilAffairs> {
  const asOfDay = toDay(asOf);
  const marriages = decideMarriages(random, people, asOf);
  const disabilities = new Map<Person, NonNullable<TruthCivilAffairs['disability']>>();
  for (const person of people) {
    if (person.floating || person.age < 2 || !random.chance(disabilityShare(person.age))) continue;
    const category = CATEGORIES.draw(random);
    const grade = GRADES.draw(random);
    const issuedOn = toIsoDate(random.int(Math.max(CERTIFICATE_SINCE, dayAtAge(person.birthDate, 1)), asOfDay - 10));
    disabilities.set(person, { certificateNumber: `${person.id}${DISABILITY_CATEGORIES.indexOf(category) + 1}${grade}`, category, grade, issuedOn });
  }
  const cases = decideAllowanceCases(random, people, labour, disabilities, serials, asOfDay);

  const records = new Map<Person, TruthCivilAffairs>();
  for (const person of people) {
    if (person.floating) continue;
    const record: TruthCivilAffairs = {
      allowanceCases: cases.get(person.dwelling) ?? [],
      disability: disabilities.get(person) ?? null,
      elderlyAllowance: person.age >= 80 ? elderlyAllowance(person) : null,
      veteranBenefit: veteranBenefit(random, person, asOfDay),
      marriages: marriages.get(person) ?? [],
    };
    const holdsAnything =
      record.allowanceCases.length > 0 || record.disability || record.elderlyAllowance || record.veteranBenefit || record.marriages.length > 0;
    if (holdsAnything) records.set(person, record);
  }
  return records;
}

function elderlyAllowance(person: Person): TruthCivilAffairs['elderlyAllowance'] {
  const eightieth = addYears(person.birthDate, 80);
  return {
    since: eightieth > ELDERLY_ALLOWANCE_SINCE ? eightieth : ELDERLY_ALLOWANCE_SINCE,
    amountPerMonth: person.age >= 100 ? 600 : person.age >= 90 ? 350 : 180,
  };
}

function veteranBenefit(random: Random, person: Person, asOfDay: number): TruthCivilAffairs['veteranBenefit'] {
  if (person.age < 45 || !random.chance(person.gender === 'MALE' ? 0.015 : 0.001)) return null;
  const earliest = Math.max(dayAtAge(person.birthDate, 22), toDay('1985-01-01'));
  return { category: random.pick(VETERAN_CATEGORIES), since: toIsoDate(random.int(earliest, asOfDay - 30)) };
}

/**
 * 低保 for about 2.5 % of registered households, most likely where someone is disabled,
 * out of work, or old and alone; 特困 for a few people living alone with no one to support them.
 */
function decideAllowanceCases(
  random: Random,
  people: readonly Person[],
  labour: ReadonlyMap<Person, TruthLabour>,
  disabilities: ReadonlyMap<Person, NonNullable<TruthCivilAffairs['disability']>>,
  serials: Serials,
  asOfDay: number,
): Map<Dwelling, TruthAllowanceCase[]> {
  const households = new Map<Dwelling, Person[]>();
  for (const person of people) {
    if (person.floating) continue;
    const members = households.get(person.dwelling);
    if (members) members.push(person);
    else households.set(person.dwelling, [person]);
  }
  const need = (members: Person[]) => {
    const outOfWork = members.some((member) => ['LAID_OFF', 'REGISTERED_UNEMPLOYED'].includes(labour.get(member)?.employmentStatus ?? ''));
    const disabled = members.some((member) => disabilities.has(member));
    const aloneAndOld = members.length === 1 && members[0]!.age >= 60;
    return (outOfWork ? 4 : 1) * (disabled ? 4 : 1) * (aloneAndOld ? 2 : 1);
  };
  const chosen = random.sampleWeighted([...households], ([, members]) => need(members), Math.round(households.size * 0.025));

  const cases = new Map<Dwelling, TruthAllowanceCase[]>();
  for (const [dwelling] of chosen) {
    const since = asOfDay - random.int(60, 8 * 365);
    const draw = random.float();
    cases.set(dwelling, [
      {
        caseNumber: serials.next('DB', toIsoDate(since).slice(0, 4)),
        kind: 'MINIMUM_LIVING_ALLOWANCE',
        status: draw < 0.9 ? 'ACTIVE' : draw < 0.95 ? 'SUSPENDED' : 'TERMINATED',
        since: toIsoDate(since),
        amountPerMonth: random.int(50, MINIMUM_LIVING_STANDARD / 10) * 10,
      },
    ]);
  }
  for (const [dwelling, members] of households) {
    const person = members[0]!;
    const noOneToSupport = members.length === 1 && (person.age >= 60 || (disabilities.get(person)?.grade ?? 4) <= 2);
    if (!noOneToSupport || cases.has(dwelling) || !random.chance(0.02)) continue;
    const since = asOfDay - random.int(60, 10 * 365);
    cases.set(dwelling, [
      {
        caseNumber: serials.next('TK', toIsoDate(since).slice(0, 4)),
        kind: 'EXTREME_HARDSHIP',
        status: 'ACTIVE',
        since: toIsoDate(since),
        amountPerMonth: Math.round((MINIMUM_LIVING_STANDARD * 1.3) / 10) * 10,
      },
    ]);
  }
  return cases;
}
