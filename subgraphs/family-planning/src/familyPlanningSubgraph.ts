import { createFamilyPlanningAdapter } from '@resident-graph/adapter-family-planning';
import { urlSetting } from '@resident-graph/service-kit';
import { defineSectionSubgraph } from '@resident-graph/subgraph-kit';
import { familyPlanningStatistics } from './familyPlanningStatistics';
import { FamilyPlanningSection } from './familyPlanningSection.type';
import { familyPlanningPolicy } from './permissions';
import { Resident } from './resident.type';
import { toFamilyPlanningSection } from './toFamilyPlanningSection';

/** Family planning's section of the resident (计生), from its SOAP service. */
export const familyPlanningSubgraph = defineSectionSubgraph({
  field: 'familyPlanning',
  section: FamilyPlanningSection,
  description: 'null with a DEPARTMENT_* error when the family-planning service cannot be asked',
  toSection: toFamilyPlanningSection,
  policy: familyPlanningPolicy,
  resident: Resident,
  defaultPort: 4103,
  reviewsLinks: true,
  settings: { FAMILY_PLANNING_URL: urlSetting('http://127.0.0.1:4203') },
  createAdapter: (settings, resilience) => createFamilyPlanningAdapter({ baseUrl: settings.FAMILY_PLANNING_URL, ...resilience }),
  statistics: familyPlanningStatistics,
});
