import { z } from 'zod';
import { createCivilAffairsAdapter, DEFAULT_SCHEMA } from '@resident-graph/adapter-civil-affairs';
import { defineSectionSubgraph } from '@resident-graph/subgraph-kit';
import { civilAffairsStatistics } from './civilAffairsStatistics';
import { CivilAffairsSection } from './civilAffairsSection.type';
import { civilAffairsPolicy } from './permissions';
import { toCivilAffairsSection } from './toCivilAffairsSection';

/** The civil affairs bureau's section of the resident (民政), read straight from its database. */
export const civilAffairsSubgraph = defineSectionSubgraph({
  field: 'civilAffairs',
  section: CivilAffairsSection,
  description:
    'null with an error code when the civil affairs bureau cannot be asked (DEPARTMENT_*) or the caller may not read it (FORBIDDEN, OUT_OF_JURISDICTION, PURPOSE_REQUIRED)',
  toSection: toCivilAffairsSection,
  policy: civilAffairsPolicy,
  defaultPort: 4102,
  reviewsLinks: true,
  settings: {
    CIVIL_AFFAIRS_DATABASE_URL: z.string().min(1),
    CIVIL_AFFAIRS_DATABASE_SCHEMA: z.string().min(1).default(DEFAULT_SCHEMA),
  },
  createAdapter: (settings, resilience) =>
    createCivilAffairsAdapter({ databaseUrl: settings.CIVIL_AFFAIRS_DATABASE_URL, schema: settings.CIVIL_AFFAIRS_DATABASE_SCHEMA, ...resilience }),
  statistics: civilAffairsStatistics,
});
