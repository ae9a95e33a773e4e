import path from 'node:path';
import type { DepartmentEntry } from './DepartmentEntry';

/**
 * Every department of the street, in the order docs and logs list them. A new department
 * is one entry here plus its own `adapters/<id>` and `subgraphs/<id>` folders
 * (docs/onboarding.md); the stack, composition, docs/policy.md, the generator, the bench
 * and the policy conformance suite all read this list.
 */
export const DEPARTMENTS: readonly DepartmentEntry[] = [
  {
    id: 'public-security',
    names: { zh: '公安', en: 'public security' },
    protocol: 'rest',
    standIn: { kind: 'server', port: 4201, entry: 'adapters/public-security/src/stand-in/main.ts' },
    loadStandInWriter: async () => (await import('@resident-graph/adapter-public-security/stand-in')).writeStandInData,
    resilience: { timeoutMs: 2_000, retries: 2, breakAfter: 5, halfOpenAfterMs: 5_000, maxConcurrent: 8, maxQueued: 50 },
    subgraph: {
      name: 'public-security',
      title: 'public security (identity, household)',
      port: 4101,
      entry: 'subgraphs/public-security/src/main.ts',
      env: ({ standInUrl }) => ({ PUBLIC_SECURITY_URL: standInUrl }),
      load: async () => {
        const module = await import('@resident-graph/subgraph-public-security');
        return { buildSchema: module.buildPublicSecuritySchema, policy: module.publicSecurityPolicy };
      },
    },
  },
  {
    id: 'grid',
    names: { zh: '街道网格', en: 'street grid management' },
    protocol: 'db',
    standIn: { kind: 'database', schema: 'grid', entry: 'adapters/grid/src/stand-in/main.ts' },
    loadStandInWriter: async () => (await import('@resident-graph/adapter-grid/stand-in')).writeStandInData,
    resilience: { timeoutMs: 2_000, retries: 2, breakAfter: 5, halfOpenAfterMs: 5_000, maxConcurrent: 10, maxQueued: 50 },
    subgraph: {
      name: 'grid',
      title: 'grid (where residents live, rosters)',
      port: 4105,
      entry: 'subgraphs/grid/src/main.ts',
      env: ({ databaseUrl, databaseSchema }) => ({ GRID_DATABASE_URL: databaseUrl, GRID_DATABASE_SCHEMA: databaseSchema }),
      load: async () => {
        const module = await import('@resident-graph/subgraph-grid');
        return { buildSchema: module.buildGridSchema, policy: module.gridPolicy };
      },
    },
  },
  {
    id: 'civil-affairs',
    names: { zh: '民政', en: 'civil affairs' },
    protocol: 'db',
    standIn: { kind: 'database', schema: 'civil_affairs', entry: 'adapters/civil-affairs/src/stand-in/main.ts' },
    loadStandInWriter: async () => (await import('@resident-graph/adapter-civil-affairs/stand-in')).writeStandInData,
    resilience: { timeoutMs: 2_000, retries: 2, breakAfter: 5, halfOpenAfterMs: 5_000, maxConcurrent: 10, maxQueued: 50 },
    subgraph: {
      name: 'civil-affairs',
      title: 'civil affairs',
      port: 4102,
      entry: 'subgraphs/civil-affairs/src/main.ts',
      section: true,
      env: ({ databaseUrl, databaseSchema }) => ({ CIVIL_AFFAIRS_DATABASE_URL: databaseUrl, CIVIL_AFFAIRS_DATABASE_SCHEMA: databaseSchema }),
      load: async () => (await import('@resident-graph/subgraph-civil-affairs')).civilAffairsSubgraph,
    },
  },
  {
    id: 'family-planning',
    names: { zh: '计划生育', en: 'family planning' },
    protocol: 'soap',
    standIn: { kind: 'server', port: 4203, entry: 'adapters/family-planning/src/stand-in/main.ts' },
    loadStandInWriter: async () => (await import('@resident-graph/adapter-family-planning/stand-in')).writeStandInData,
    resilience: { timeoutMs: 2_000, retries: 2, breakAfter: 5, halfOpenAfterMs: 5_000, maxConcurrent: 6, maxQueued: 50 },
    subgraph: {
      name: 'family-planning',
      title: 'family planning',
      port: 4103,
      entry: 'subgraphs/family-planning/src/main.ts',
      section: true,
      env: ({ standInUrl }) => ({ FAMILY_PLANNING_URL: standInUrl }),
      load: async () => (await import('@resident-graph/subgraph-family-planning')).familyPlanningSubgraph,
    },
  },
  {
    id: 'labour',
    names: { zh: '劳动保障', en: 'labour and social security' },
    protocol: 'csv',
    standIn: { kind: 'server', port: 4204, entry: 'adapters/labour/src/stand-in/main.ts' },
    loadStandInWriter: async () => (await import('@resident-graph/adapter-labour/stand-in')).writeStandInData,
    resilience: { timeoutMs: 2_000, retries: 2, breakAfter: 5, halfOpenAfterMs: 5_000, maxConcurrent: 8, maxQueued: 50 },
    subgraph: {
      name: 'labour',
      title: 'labour and social security',
      port: 4104,
      entry: 'subgraphs/labour/src/main.ts',
      section: true,
      env: ({ standInUrl, dataDir, databaseUrl }) => ({
        LABOUR_URL: standInUrl,
        LABOUR_EXPORT_DIR: path.join(dataDir, 'labour', 'export'),
        LABOUR_DATABASE_URL: databaseUrl,
      }),
      load: async () => (await import('@resident-graph/subgraph-labour')).labourSubgraph,
    },
  },
];
