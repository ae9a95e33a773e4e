import type { DepartmentId } from '@resident-graph/schemas';
import type { DataQualityIndex, IndexedIssue, Publication } from '../dataQuality/dataQualityIndex';

export type MemoryDataQualityIndex = DataQualityIndex & { reads: number };

/**
 * A data-quality index in memory, for unit tests of a subgraph without the street's
 * database: what was published last per department, read as the PostgreSQL index reads it
 * (departments in name order, each resident's issues in the order published). `reads`
 * counts the batches asked for.
 */
export function memoryDataQuality(...publications: Publication[]): MemoryDataQualityIndex {
  const published = new Map<DepartmentId, { publication: Publication; at: Date }>();
  const index: MemoryDataQualityIndex = {
    reads: 0,
    async publish(publication) {
      published.set(publication.department, { publication, at: new Date() });
    },
    async issuesOf(citizenIds) {
      index.reads += 1;
      const found = new Map<string, IndexedIssue[]>();
      const departments = [...published.keys()].sort();
      for (const id of citizenIds) {
        const issues = departments.flatMap((department) => {
          const { publication } = published.get(department)!;
          return (publication.issues.get(id) ?? []).map((issue) => ({ issue, views: publication.views }));
        });
        if (issues.length > 0) found.set(id, issues);
      }
      return found;
    },
    async publishers() {
      return new Map([...published].map(([department, { at }]) => [department, at]));
    },
    async close() {},
  };
  for (const publication of publications) void index.publish(publication);
  return index;
}
