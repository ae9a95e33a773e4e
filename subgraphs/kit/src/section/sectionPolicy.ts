import type { DepartmentId } from '@resident-graph/schemas';
import { access, representationJurisdiction, type PolicedContext, type PolicyTable, type SubgraphPolicy } from '../policy';

const OPEN = access('allow');

/**
 * A section subgraph's policy: the department's own rows (`Resident.<section>`, the
 * section's types, `DataQualityIssue`) after the rows every section subgraph has —
 * federation's entry points and the resident's key and place, which carry no personal
 * data. Jurisdiction is checked on `Resident`, with the place the gateway fetched from the
 * grid subgraph into the representation; types inside the section decide by role alone.
 */
export function sectionPolicy(department: DepartmentId, rows: PolicyTable): SubgraphPolicy<PolicedContext> {
  const { Resident: residentRows, ...sectionRows } = rows;
  return {
    department,
    table: {
      Query: { _entities: OPEN, _service: OPEN },
      _Service: { sdl: OPEN },
      Resident: { id: OPEN, jurisdiction: OPEN, ...residentRows },
      Jurisdiction: { gridId: OPEN, communityId: OPEN },
      ...sectionRows,
    },
    jurisdictionOf: { Resident: representationJurisdiction },
    personalTypes: ['Resident'],
  };
}
