import { DepartmentError } from '@resident-graph/adapter-kit';
import type { ResidentCategory } from '@resident-graph/schemas';
import { CATEGORY_BY_LABEL } from './gridVocabulary';
import type { CategoryMembers, PlacementRow } from './types';

const badResponse = (message: string) => new DepartmentError('DEPARTMENT_BAD_RESPONSE', 'grid', message);
const PLACEMENT_FIELDS = ['citizenId', 'gridId', 'communityId', 'householdId'] as const;

/** The answer of `statisticsQueries.categoryMembers`, checked, by canonical category. */
export function parseCategoryMembers(categories: readonly ResidentCategory[], result: { unresolved: unknown; members: unknown } | undefined): CategoryMembers {
  const members = new Map(categories.map((category): [ResidentCategory, string[]] => [category, []]));
  if (!result || !Number.isSafeInteger(result.unresolved) || !Array.isArray(result.members)) throw badResponse('malformed category answer');
  for (const pair of result.members as unknown[]) {
    const [label, citizenId] = Array.isArray(pair) ? (pair as unknown[]) : [];
    const ids = typeof label === 'string' && typeof citizenId === 'string' ? members.get(CATEGORY_BY_LABEL.get(label)!) : undefined;
    if (!ids) throw badResponse(`malformed category member ${JSON.stringify(pair)}`);
    ids.push(citizenId as string);
  }
  return { members, unresolvedRecords: result.unresolved as number };
}

/** The rows of `statisticsQueries.placements`, checked. */
export function parsePlacementRows(rows: unknown[]): PlacementRow[] {
  for (const row of rows as Record<string, unknown>[]) {
    if (typeof row !== 'object' || row === null || !PLACEMENT_FIELDS.every((field) => typeof row[field] === 'string'))
      throw badResponse(`malformed placement row ${JSON.stringify(row)}`);
  }
  return rows as PlacementRow[];
}
