import { storedIdentityOf, type Population } from '@resident-graph/schemas';
import { ASSISTANCE_KIND, DISABILITY_CATEGORY, DISABILITY_GRADE, MARRIAGE_KIND, MEMBER_STATUS, VETERAN_CATEGORY } from '../civilAffairsCodes';

/** The bureau's rows by table, with its own column names; dates `YYYY-MM-DD`. */
export interface CivilAffairsTables {
  jzaj: { ajbh: string; jzlx: string; sqrxm: string; sprq: string; xzqhdm: string }[];
  jzcy: { ajbh: string; cyxh: number; sfzh: string; xm: string; cyzt: string; nrrq: string; bzje: number }[];
  cjrz: { czh: string; sfzh: string; xm: string; cjlb: string; cjdj: string; fzrq: string }[];
  gljt: { ffbh: string; sfzh: string; xm: string; ksrq: string; yje: number }[];
  yfdx: { yfzh: string; sfzh: string; xm: string; yflb: string; yflbmc: string; rdrq: string }[];
  hydj: { djzh: string; djlx: string; djrq: string; nfsfzh: string | null; nfxm: string; nvsfzh: string | null; nvxm: string }[];
}

/** Load order: cases before the members that reference them. */
export const CIVIL_AFFAIRS_TABLES = ['jzaj', 'jzcy', 'cjrz', 'gljt', 'yfdx', 'hydj'] as const satisfies readonly (keyof CivilAffairsTables)[];

const serial = (n: number) => String(n).padStart(6, '0');

/** Derives the bureau's rows from the truth, one registration row per marriage even when both spouses live here. */
export function civilAffairsTables(population: Population): CivilAffairsTables {
  const region = population.street.regionCode;
  const tables: CivilAffairsTables = { jzaj: [], jzcy: [], cjrz: [], gljt: [], yfdx: [], hydj: [] };
  const identities = new Map(population.residents.map((resident) => [resident.id, storedIdentityOf(resident, 'civil-affairs')]));
  const cases = new Map<string, CivilAffairsTables['jzaj'][number]>();
  const membersPerCase = new Map<string, number>();
  const registrations = new Set<string>();
  const registrationsPerYear = new Map<string, number>();

  for (const resident of population.residents) {
    const facts = resident.civilAffairs;
    if (!facts) continue;
    const self = identities.get(resident.id)!;
    const person = { sfzh: self.storedId, xm: self.storedName };

    for (const allowance of facts.allowanceCases) {
      const existing = cases.get(allowance.caseNumber);
      if (!existing) {
        const row = { ajbh: allowance.caseNumber, jzlx: ASSISTANCE_KIND.encode(allowance.kind), sqrxm: self.storedName, sprq: allowance.since, xzqhdm: region };
        cases.set(allowance.caseNumber, row);
        tables.jzaj.push(row);
      } else if (allowance.since < existing.sprq) {
        existing.sprq = allowance.since;
      }
      const cyxh = (membersPerCase.get(allowance.caseNumber) ?? 0) + 1;
      membersPerCase.set(allowance.caseNumber, cyxh);
      tables.jzcy.push({
        ajbh: allowance.caseNumber,
        cyxh,
        ...person,
        cyzt: MEMBER_STATUS.encode(allowance.status),
        nrrq: allowance.since,
        bzje: Math.round(allowance.amountPerMonth * 100),
      });
    }

    if (facts.disability) {
      const { certificateNumber, category, grade, issuedOn } = facts.disability;
      tables.cjrz.push({ czh: certificateNumber, ...person, cjlb: DISABILITY_CATEGORY.encode(category), cjdj: DISABILITY_GRADE.encode(grade), fzrq: issuedOn });
    }
    if (facts.elderlyAllowance) {
      const { since, amountPerMonth } = facts.elderlyAllowance;
      tables.gljt.push({ ffbh: `GL${region}${serial(tables.gljt.length + 1)}`, ...person, ksrq: since, yje: amountPerMonth });
    }
    if (facts.veteranBenefit) {
      const { code, name } = VETERAN_CATEGORY.encode(facts.veteranBenefit.category);
      tables.yfdx.push({ yfzh: `YF${region}${serial(tables.yfdx.length + 1)}`, ...person, yflb: code, yflbmc: name, rdrq: facts.veteranBenefit.since });
    }

    for (const marriage of facts.marriages) {
      const spouseKey = marriage.spouseId ?? `name:${marriage.spouseName}`;
      const key = [marriage.kind, marriage.registeredOn, ...[resident.id, spouseKey].sort()].join('|');
      if (registrations.has(key)) continue;
      registrations.add(key);
      const known = marriage.spouseId === null ? undefined : identities.get(marriage.spouseId);
      const spouse = { id: known?.storedId ?? marriage.spouseId, name: known?.storedName ?? marriage.spouseName };
      const [husband, wife] =
        resident.gender === 'FEMALE' ? [spouse, { id: self.storedId, name: self.storedName }] : [{ id: self.storedId, name: self.storedName }, spouse];
      const prefix = marriage.kind === 'MARRIAGE' ? 'J' : 'L';
      const year = marriage.registeredOn.slice(0, 4);
      const number = (registrationsPerYear.get(prefix + year) ?? 0) + 1;
      registrationsPerYear.set(prefix + year, number);
      tables.hydj.push({
        djzh: `${prefix}${region}-${year}-${serial(number)}`,
        djlx: MARRIAGE_KIND.encode(marriage.kind),
        djrq: marriage.registeredOn,
        nfsfzh: husband.id,
        nfxm: husband.name,
        nvsfzh: wife.id,
        nvxm: wife.name,
      });
    }
  }
  return tables;
}
