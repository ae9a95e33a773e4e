import { z } from 'zod';
import { createLabourAdapter, DEFAULT_EXPORT_SCHEMA } from '@resident-graph/adapter-labour';
import { millisecondsSetting, urlSetting } from '@resident-graph/service-kit';
import { defineSectionSubgraph } from '@resident-graph/subgraph-kit';
import { LabourSection } from './labourSection.type';
import { labourStatistics } from './labourStatistics';
import { labourPolicy } from './permissions';
import { toLabourSection } from './toLabourSection';

/** The labour and social security bureau's section of the resident (劳动保障), from its nightly export and card API. */
export const labourSubgraph = defineSectionSubgraph({
  field: 'labour',
  section: LabourSection,
  description: 'null with a DEPARTMENT_* error when the labour bureau cannot be asked',
  toSection: toLabourSection,
  policy: labourPolicy,
  defaultPort: 4104,
  reviewsLinks: true,
  settings: {
    LABOUR_URL: urlSetting('http://127.0.0.1:4204'),
    LABOUR_EXPORT_DIR: z.string().min(1),
    /** How often at most to look for a newer nightly export. */
    LABOUR_EXPORT_CHECK_INTERVAL_MS: millisecondsSetting(60_000),
    /** The PostgreSQL the newest export is ingested into, to be read by key. */
    LABOUR_DATABASE_URL: z.string().min(1),
    LABOUR_DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a plain lower-case identifier')
      .default(DEFAULT_EXPORT_SCHEMA),
  },
  createAdapter: (settings, resilience) =>
    createLabourAdapter({
      baseUrl: settings.LABOUR_URL,
      exportDir: settings.LABOUR_EXPORT_DIR,
      exportCheckIntervalMs: settings.LABOUR_EXPORT_CHECK_INTERVAL_MS,
      database: { databaseUrl: settings.LABOUR_DATABASE_URL, schema: settings.LABOUR_DATABASE_SCHEMA },
      ...resilience,
    }),
  statistics: labourStatistics,
});
