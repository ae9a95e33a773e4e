/** Disability certificate (残疾人证): category and grade 1 (most severe) to 4. */
export const DISABILITY_CATEGORIES = ['SIGHT', 'HEARING', 'SPEECH', 'PHYSICAL', 'INTELLECTUAL', 'MENTAL', 'MULTIPLE'] as const;
export type DisabilityCategory = (typeof DISABILITY_CATEGORIES)[number];
export const DISABILITY_CATEGORY_NAMES: Record<DisabilityCategory, string> = {
  SIGHT: '视力',
  HEARING: '听力',
  SPEECH: '言语',
  PHYSICAL: '肢体',
  INTELLECTUAL: '智力',
  MENTAL: '精神',
  MULTIPLE: '多重',
};
export const DISABILITY_GRADES = [1, 2, 3, 4] as const;
