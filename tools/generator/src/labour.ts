import type { EmploymentStatus, SocialInsuranceType, TruthLabour } from '@resident-graph/schemas';
import { dayAtAge, toDay, toIsoDate } from './dates';
import type { Person } from './people';
import { WeightedPool, type Random } from './random';
import type { Serials } from './Serials';

/** The year each insurance began in the city (pension counts deemed contributions from the first job). */
const SCHEME_START: Record<SocialInsuranceType, string | null> = {
  PENSION: null,
  MEDICAL: '2001-01-01',
  UNEMPLOYMENT: '1999-01-01',
  WORK_INJURY: '2004-01-01',
  MATERNITY: '2001-01-01',
};
const INSURANCES = Object.keys(SCHEME_START) as SocialInsuranceType[];

const SKILLS: readonly string[] = [
  '电工',
  '焊工',
  '育婴员',
  '养老护理员',
  '中式烹调师',
  '美容师',
  '汽车维修工',
  '计算机操作员',
  '会计',
  '保安员',
  '家政服务员',
  '物流员',
  '钳工',
  '美发师',
];
const SKILL_LEVELS = new WeightedPool<string>([
  ['初级（五级）', 40],
  ['中级（四级）', 35],
  ['高级（三级）', 18],
  ['技师（二级）', 5],
  ['高级技师（一级）', 2],
]);

/** Women retire at 50 or 55 (workers, cadres), men at 60. */
function retirementAge(person: Person, random: Random): number {
  return person.gender === 'MALE' ? 60 : random.chance(0.6) ? 50 : 55;
}

function employmentStatus(person: Person, random: Random, retireAt: number): EmploymentStatus {
  const { age } = person;
  if (age < 19) return random.chance(0.95) ? 'NOT_IN_LABOUR_FORCE' : 'EMPLOYED';
  if (age < 23) return random.chance(0.6) ? 'NOT_IN_LABOUR_FORCE' : random.chance(0.88) ? 'EMPLOYED' : 'REGISTERED_UNEMPLOYED';
  if (person.floating) return random.chance(0.05) ? 'NOT_IN_LABOUR_FORCE' : random.chance(0.97) ? 'EMPLOYED' : 'REGISTERED_UNEMPLOYED';
  if (age >= retireAt) return random.chance(0.08) && age < 66 ? 'EMPLOYED' : 'RETIRED';
  // Laid-off (下岗) workers of the state enterprises are mostly 40–55 now.
  const laidOffShare = age >= 40 && age <= 55 ? 0.06 : age >= 35 ? 0.01 : 0;
  const draw = random.float();
  if (draw < laidOffShare) return 'LAID_OFF';
  if (draw < laidOffShare + 0.035) return 'REGISTERED_UNEMPLOYED';
  if (draw < laidOffShare + 0.035 + (person.gender === 'FEMALE' ? 0.08 : 0.02)) return 'NOT_IN_LABOUR_FORCE';
  return 'EMPLOYED';
}

/**
 * Labour records for people 16–70: the labour bureau knows every registered resident of
 * working age and the floating residents who work or look for work here.
 */
export function decideLabour(random: Random, people: readonly Person[], serials: Serials, asOf: string): Map<Person, TruthLabour> {
  const asOfDay = toDay(asOf);
  const cardNumbers = new Set<string>();
  const records = new Map<Person, TruthLabour>();
  for (const person of people) {
    if (person.age < 16 || person.age > 70) continue;
    const retireAt = retirementAge(person, random);
    const status = employmentStatus(person, random, retireAt);
    if (person.floating && status === 'NOT_IN_LABOUR_FORCE') continue;

    const studying = status === 'NOT_IN_LABOUR_FORCE' && person.age < 23;
    const firstJob = dayAtAge(person.birthDate, random.int(17, 23)) + random.int(0, 364);
    const workStart = Math.max(dayAtAge(person.birthDate, 16), Math.min(asOfDay - random.int(30, 365), firstJob));
    // Floating workers' contributions here start when they came to the city.
    const contributionsStart = person.floating ? Math.max(workStart, asOfDay - random.int(1, 12) * 365) : workStart;
    const stoppedWorking =
      status === 'RETIRED'
        ? dayAtAge(person.birthDate, retireAt)
        : status === 'EMPLOYED'
          ? asOfDay
          : status === 'NOT_IN_LABOUR_FORCE' && random.chance(0.5)
            ? contributionsStart
            : asOfDay - random.int(60, 2_000);
    const insurance = studying ? [] : insuranceRecords(random, status, contributionsStart, Math.max(contributionsStart, stoppedWorking), asOfDay);

    let cardNumber: string;
    do cardNumber = `${random.pick(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K'])}${random.int(10_000_000, 99_999_999)}`;
    while (cardNumbers.has(cardNumber));
    cardNumbers.add(cardNumber);

    const registeredOn = asOfDay - random.int(15, 700);
    records.set(person, {
      socialSecurityCardNumber: cardNumber,
      employmentStatus: status,
      laidOff: status === 'LAID_OFF',
      unemploymentRegistration:
        status === 'REGISTERED_UNEMPLOYED'
          ? { registeredOn: toIsoDate(registeredOn), certificateNumber: serials.next('JY', toIsoDate(registeredOn).slice(0, 4)) }
          : null,
      insurance,
      skillCertificates: studying ? [] : skillCertificates(random, person, Math.min(asOfDay - 1, Math.max(stoppedWorking, workStart + 365))),
    });
  }
  return records;
}

/** Paid months follow the years worked since each scheme began; only contributors now are active. */
function insuranceRecords(random: Random, status: EmploymentStatus, from: number, until: number, asOfDay: number): TruthLabour['insurance'] {
  const coverage = random.between(0.8, 1);
  return INSURANCES.flatMap((type) => {
    const schemeStart = SCHEME_START[type];
    const start = schemeStart === null ? from : Math.max(from, toDay(schemeStart));
    // The laid-off keep paying pension and medical insurance (flexible employment); the unemployment fund pays the registered unemployed's medical insurance.
    const continues = (status === 'LAID_OFF' && (type === 'PENSION' || type === 'MEDICAL')) || (status === 'REGISTERED_UNEMPLOYED' && type === 'MEDICAL');
    const end = continues ? asOfDay : until;
    const paidMonths = Math.max(0, Math.floor(((end - start) / 30.44) * (status === 'EMPLOYED' || status === 'RETIRED' ? coverage : coverage * 0.9)));
    const active = status === 'EMPLOYED' || continues || (status === 'RETIRED' && type === 'MEDICAL');
    return paidMonths > 0 || active ? [{ type, paidMonths, active }] : [];
  });
}

function skillCertificates(random: Random, person: Person, latestDay: number): TruthLabour['skillCertificates'] {
  const count = random.chance(0.22) ? (random.chance(0.2) ? 2 : 1) : 0;
  const earliest = dayAtAge(person.birthDate, 18);
  if (count === 0 || latestDay <= earliest) return [];
  const names = random.shuffle([...SKILLS]).slice(0, count);
  return names.map((name) => ({ name, level: SKILL_LEVELS.draw(random), issuedOn: toIsoDate(random.int(earliest, latestDay)) }));
}
