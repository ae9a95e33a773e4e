/** Relation to the household head, GB/T 4761 (the families of codes the graph distinguishes). */
export const RELATION_TO_HEAD_CODES = {
  '01': 'SELF',
  '02': 'HEAD',
  '10': 'SPOUSE',
  '20': 'SON',
  '30': 'DAUGHTER',
  '40': 'GRANDCHILD',
  '50': 'PARENT',
  '60': 'GRANDPARENT',
  '70': 'SIBLING',
  '99': 'OTHER',
} as const;
export type RelationToHead = (typeof RELATION_TO_HEAD_CODES)[keyof typeof RELATION_TO_HEAD_CODES];
export const RELATIONS_TO_HEAD = Object.values(RELATION_TO_HEAD_CODES) as RelationToHead[];

/** GB/T 4761 numbers sons 20–29 and daughters 30–39 (21 eldest son …): fold to the family. */
export function relationToHeadFromCode(code: string): RelationToHead | undefined {
  const exact = RELATION_TO_HEAD_CODES[code as keyof typeof RELATION_TO_HEAD_CODES];
  if (exact) return exact;
  const family = `${code[0]}0` as keyof typeof RELATION_TO_HEAD_CODES;
  return /^[2-7]\d$/.test(code) ? RELATION_TO_HEAD_CODES[family] : undefined;
}
