import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type QueryPlan } from '@apollo/query-planner';
import { parse, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { REPO_ROOT, SUPERGRAPH_FILE } from '@resident-graph/stack';
import { DEPARTMENT_SECTIONS, FLAG_FIELDS, IDENTITY_FIELDS, residentQuery } from '../support';

/** Fetches that run one after another: a sequence adds up, a parallel group costs its longest branch. */
function sequentialFetches(node: QueryPlan['node'] | PlanNode): number {
  if (!node) return 0;
  switch (node.kind) {
    case 'Fetch':
      return 1;
    case 'Flatten':
      return sequentialFetches(node.node);
    case 'Sequence':
      return node.nodes.reduce((sum, child) => sum + sequentialFetches(child), 0);
    case 'Parallel':
      return Math.max(0, ...node.nodes.map(sequentialFetches));
    default:
      throw new Error(`a ${node.kind} node in a read's plan`);
  }
}

const supergraph = Supergraph.build(readFileSync(SUPERGRAPH_FILE, 'utf8'));
const planner = new QueryPlanner(supergraph);
const planOf = (document: DocumentNode, operationName?: string): QueryPlan =>
  planner.buildQueryPlan(operationFromDocument(supergraph.schema, document, { operationName }));

const ISSUES = 'dataQualityIssues { department kind storedId recordReference nameOnRecord }';
const SECTION_ISSUES = `civilAffairs { ${ISSUES} } familyPlanning { ${ISSUES} } labour { ${ISSUES} }`;

/** Each role's whole record of one resident, as much as its policy could ever show it. */
const FULL_RECORDS: Record<string, string> = {
  'grid worker, window clerk': `query ($id: CitizenId!) { resident(id: $id) { ${IDENTITY_FIELDS} ${FLAG_FIELDS} ${SECTION_ISSUES} ${ISSUES} } }`,
  ...Object.fromEntries(
    Object.entries(DEPARTMENT_SECTIONS).flatMap(([department, section]) =>
      section ? [[`${department} officer`, residentQuery(section).replace('dataQualityIssues { department kind storedId }', `${FLAG_FIELDS} ${ISSUES}`)]] : [],
    ),
  ),
  'public-security officer': `query ($id: CitizenId!) { resident(id: $id) { ${IDENTITY_FIELDS} ${FLAG_FIELDS} ${ISSUES} } }`,
};

describe("the full record's query plan: one root fetch, then one parallel wave", () => {
  it.each(Object.entries(FULL_RECORDS))('for a %s: at most 2 sequential fetches, every department in it', (_role, query) => {
    const plan = planOf(parse(query));
    expect(sequentialFetches(plan.node)).toBeLessThanOrEqual(2);
    const services = new Set([...JSON.stringify(plan.node).matchAll(/"serviceName":"([^"]+)"/g)].map((match) => match[1]));
    expect([...services].sort()).toEqual(['civil-affairs', 'family-planning', 'grid', 'labour', 'public-security']);
  });

  it("for each of the console's record and roster operations, as it sends them", () => {
    const operationsDir = path.join(REPO_ROOT, 'console', 'src', 'operations');
    const steps: Record<string, number> = {};
    for (const file of readdirSync(operationsDir).filter((name) => name.endsWith('.graphql'))) {
      const document = parse(readFileSync(path.join(operationsDir, file), 'utf8'));
      const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition');
      for (const operation of operations.filter((one) => one.operation === 'query' && /resident|roster|grid/i.test(print(one))))
        steps[operation.name!.value] = sequentialFetches(planOf(document, operation.name!.value).node);
    }
    expect(Object.keys(steps).length).toBeGreaterThan(3);
    expect(Object.entries(steps).filter(([, count]) => count > 2)).toEqual([]);
  });

  it('counts a plan with a third step as three, so the bound above can fail', () => {
    const withRequires = {
      kind: 'Sequence',
      nodes: [
        { kind: 'Fetch', serviceName: 'public-security' },
        { kind: 'Parallel', nodes: [{ kind: 'Flatten', node: { kind: 'Fetch', serviceName: 'labour' } }] },
        { kind: 'Flatten', node: { kind: 'Fetch', serviceName: 'public-security' } },
      ],
    } as unknown as PlanNode;
    expect(sequentialFetches(withRequires)).toBe(3);
  });
});
