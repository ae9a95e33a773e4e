import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEPARTMENTS, PLATFORM_SUBGRAPHS, SUBGRAPHS, resilienceEnvOf, resilienceOf } from '../src';

const REPO_ROOT = path.resolve(__dirname, '../..');

describe('the department registry', () => {
  it('names each department once, with its folders and processes on disk', () => {
    expect(new Set(DEPARTMENTS.map((department) => department.id)).size).toBe(DEPARTMENTS.length);
    for (const { id, standIn, subgraph } of DEPARTMENTS) {
      expect(subgraph.name).toBe(id);
      expect(existsSync(path.join(REPO_ROOT, 'adapters', id, 'package.json'))).toBe(true);
      expect(existsSync(path.join(REPO_ROOT, 'subgraphs', id, 'package.json'))).toBe(true);
      if (standIn.kind !== 'files') expect(existsSync(path.join(REPO_ROOT, standIn.entry))).toBe(true);
      expect(existsSync(path.join(REPO_ROOT, subgraph.entry))).toBe(true);
    }
  });

  it('gives every process of the default start its own port', () => {
    const ports = [...SUBGRAPHS.map((subgraph) => subgraph.port), ...DEPARTMENTS.flatMap(({ standIn }) => (standIn.kind === 'server' ? [standIn.port] : []))];
    expect(new Set(ports).size).toBe(ports.length);
    expect(ports).not.toContain(4000);
  });

  it('gives every department valid resilience settings; a bad one fails naming the department and setting', () => {
    for (const department of DEPARTMENTS) {
      const settings = resilienceOf(department);
      expect(settings).toEqual(expect.objectContaining(department.resilience));
      expect(resilienceEnvOf(department).DEPARTMENT_MAX_CONCURRENT).toBe(String(settings.maxConcurrent));
    }
    const labour = DEPARTMENTS.find((department) => department.id === 'labour')!;
    expect(() => resilienceOf({ ...labour, resilience: { ...labour.resilience, maxQueued: -1 } })).toThrow('departments[labour].resilience.maxQueued');
  });

  it('gives every database stand-in its own schema', () => {
    const schemas = DEPARTMENTS.flatMap(({ standIn }) => (standIn.kind === 'database' ? [standIn.schema] : []));
    expect(new Set(schemas).size).toBe(schemas.length);
  });

  it("loads each subgraph's schema and policy, the policy naming its own department", async () => {
    for (const department of DEPARTMENTS) {
      const { buildSchema, policy } = await department.subgraph.load();
      expect(policy.department).toBe(department.id);
      expect((await buildSchema()).sdl).toContain('type Resident');
    }
  });

  it('loads a stand-in writer for every department', async () => {
    for (const department of DEPARTMENTS) expect(typeof (await department.loadStandInWriter())).toBe('function');
  });

  it("keeps the audit trail's signed checkpoints in the stack's own folder, outside every database", () => {
    const audit = PLATFORM_SUBGRAPHS.find((subgraph) => subgraph.name === 'audit')!;
    expect(audit.env({ databaseUrl: 'postgresql://db/x', dataDir: '/data', workDir: '/work', departmentSubgraphUrls: {} })).toEqual({
      AUDIT_ANCHOR_FILE: path.join('/work', 'audit-anchors.jsonl'),
    });
  });

  it("gives the changes service the street's database and every department's subgraph, where their change routes are", () => {
    const changes = PLATFORM_SUBGRAPHS.find((subgraph) => subgraph.name === 'changes')!;
    const departmentSubgraphUrls = { labour: 'http://127.0.0.1:4104/graphql' };
    expect(changes.env({ databaseUrl: 'postgresql://db/x', dataDir: '/data', workDir: '/work', departmentSubgraphUrls })).toEqual({
      CHANGES_DATABASE_URL: 'postgresql://db/x',
      CHANGES_DATABASE_SCHEMA: 'changes',
      CHANGES_DEPARTMENT_URLS: JSON.stringify(departmentSubgraphUrls),
    });
  });
});
