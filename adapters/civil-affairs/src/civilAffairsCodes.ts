import type { AllowanceStatus, DisabilityCategory } from '@resident-graph/schemas';
import type { AllowanceKind, AllowanceReviewStatus, MarriageKind } from './CivilAffairsRecord';

/**
 * The bureau's own codes and how they map onto the canonical model. The writer of the
 * stand-in encodes with the same tables the adapter decodes with.
 */
function codeTable<Canonical extends string | number>(entries: Record<string, Canonical>) {
  const toCode = new Map<Canonical, string>(Object.entries(entries).map(([code, value]) => [value, code]));
  return {
    decode: (code: string): Canonical | undefined => (Object.hasOwn(entries, code) ? entries[code] : undefined),
    encode: (value: Canonical): string => {
      const code = toCode.get(value);
      if (code === undefined) throw new Error(`no civil-affairs code for ${String(value)}`);
      return code;
    },
  };
}

/** 救助类型 (jzaj.jzlx). */
export const ASSISTANCE_KIND = codeTable<AllowanceKind>({ '10': 'MINIMUM_LIVING_ALLOWANCE', '20': 'EXTREME_HARDSHIP' });

/** 成员状态 (jzcy.cyzt): 在保, 暂停, 停保. */
export const MEMBER_STATUS = codeTable<AllowanceStatus>({ '1': 'ACTIVE', '2': 'SUSPENDED', '3': 'TERMINATED' });

/** 复核状态 (jzfc.fczt): 待复核, 已复核. */
export const REVIEW_STATUS = codeTable<AllowanceReviewStatus>({ '0': 'PENDING', '1': 'REVIEWED' });

/** 残疾类别 (cjrz.cjlb), GB/T 26341-2010. */
export const DISABILITY_CATEGORY = codeTable<DisabilityCategory>({
  '1': 'SIGHT',
  '2': 'HEARING',
  '3': 'SPEECH',
  '4': 'PHYSICAL',
  '5': 'INTELLECTUAL',
  '6': 'MENTAL',
  '7': 'MULTIPLE',
});

/** 残疾等级 (cjrz.cjdj). */
export const DISABILITY_GRADE = codeTable<1 | 2 | 3 | 4>({ '1': 1, '2': 2, '3': 3, '4': 4 });

/** 登记类型 (hydj.djlx): the business codes of the marriage registration system. */
export const MARRIAGE_KIND = codeTable<MarriageKind>({ IA: 'MARRIAGE', IB: 'DIVORCE' });

/**
 * 优抚类别 (yfdx.yflb). The canonical category is the name staff know it by, which the
 * bureau stores beside the code (yfdx.yflbmc).
 */
const VETERAN_CATEGORIES: Record<string, string> = {
  '11': '伤残军人',
  '21': '烈士遗属',
  '22': '因公牺牲军人遗属',
  '23': '病故军人遗属',
  '31': '在乡复员军人',
  '41': '带病回乡退伍军人',
  '51': '参战退役人员',
  '61': '退役军人',
};
/** 其他: a category without a code of its own is kept by its name alone. */
const OTHER_VETERAN_CATEGORY = '99';

export const VETERAN_CATEGORY = {
  encode(category: string): { code: string; name: string } {
    const code = Object.keys(VETERAN_CATEGORIES).find((key) => VETERAN_CATEGORIES[key] === category);
    return { code: code ?? OTHER_VETERAN_CATEGORY, name: category };
  },
  decode(code: string, name: string): string | undefined {
    return code === OTHER_VETERAN_CATEGORY ? name : VETERAN_CATEGORIES[code];
  },
};
