import type { Protocol } from '@resident-graph/registry';

/** Everything the templates call a new department, derived from its kebab-case id. */
export interface DepartmentNames {
  id: string;
  zh: string;
  en: string;
  protocol: Protocol;
  /** `communityCorrections`: the `Resident` field, variables. */
  camel: string;
  /** `CommunityCorrections`: types. */
  pascal: string;
  /** `COMMUNITY_CORRECTIONS`: environment variables. */
  constant: string;
  /** `community_corrections`: its schema in the shared database. */
  snake: string;
}

export function departmentNames(options: { id: string; zh: string; en: string; protocol: Protocol }): DepartmentNames {
  const words = options.id.split('-');
  const camel = words.map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join('');
  return {
    ...options,
    camel,
    pascal: camel[0]!.toUpperCase() + camel.slice(1),
    constant: words.join('_').toUpperCase(),
    snake: words.join('_'),
  };
}

/** `text` as a single-quoted TypeScript string literal, whatever quotes or backslashes it holds. */
export const literal = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
