import type { DepartmentId } from '@resident-graph/schemas';
import { access, residentPlacement, type PolicedContext, type PolicyTable, type SubgraphPolicy } from '../policy';

const OPEN = access('allow');

const linkInputOf = (args: Record<string, unknown>) => (args.input ?? {}) as { residentId?: string };

/**
 * A section subgraph's policy: the department's own rows (`Resident.<section>`, the
 * section's types, `DataQualityIssue`) after the rows every section subgraph has —
 * federation's entry points and the resident's key, which carry no personal data.
 * Jurisdiction is checked on `Resident`, with the resident's placement in the grid
 * database's jurisdiction index; types inside the section decide by role alone.
 */
export function sectionPolicy(department: DepartmentId, rows: PolicyTable): SubgraphPolicy<PolicedContext> {
  const { Resident: residentRows, ...sectionRows } = rows;
  return {
    department,
    table: {
      Query: { _entities: OPEN, _service: OPEN },
      _Service: { sdl: OPEN },
      Resident: { id: OPEN, ...residentRows },
      ...sectionRows,
    },
    // Review mutations (`confirm<Field>Link` …) are about the resident their input names: its placement decides, and the call is audited.
    jurisdictionOf: { Resident: residentPlacement, Mutation: (_parent, context, args) => residentPlacement({ id: linkInputOf(args).residentId }, context) },
    personalTypes: ['Resident', 'Mutation'],
    residentIdOf: { Mutation: (_parent, args) => linkInputOf(args).residentId },
  };
}
