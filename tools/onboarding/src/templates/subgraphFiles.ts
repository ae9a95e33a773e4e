import { literal, type DepartmentNames } from '../DepartmentNames';
import type { FileMap } from './FileMap';
import type { DepartmentPorts, ProtocolTemplate } from './ProtocolTemplate';

/** The section subgraph (`subgraphs/<id>/…`): a declaration on the subgraph kit, its policy denying all but the department's own officers. */
export function subgraphFiles(n: DepartmentNames, ports: DepartmentPorts, protocol: ProtocolTemplate): FileMap {
  const section = `${n.pascal}Section`;
  return {
    'src/index.ts': `// type-graphql's decorators read design-time types: the polyfill must load before any of them run.
import 'reflect-metadata';

export { ${n.camel}Subgraph } from './${n.camel}Subgraph';
export { ${n.camel}Policy } from './permissions';
`,
    'src/main.ts': `import { ${n.camel}Subgraph } from '.';

${n.camel}Subgraph.main();
`,
    [`src/${n.camel}Section.type.ts`]: `import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '@resident-graph/subgraph-kit';

@ObjectType({ description: ${literal(`The ${n.en} department's part of a resident's record (${n.zh})`)} })
export class ${section} {
  @Field(() => Boolean, { description: 'The department holds a record on the resident' })
  onRecord!: boolean;

  @Field(() => String, { nullable: true, description: "The department's reference for the record (case number)" })
  referenceNumber!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the department registered the resident' })
  registeredOn!: string | null;

  @Field(() => String, { nullable: true, description: 'ACTIVE or CLOSED' })
  status!: string | null;
}
`,
    [`src/to${section}.ts`]: `import type { DepartmentLookup } from '@resident-graph/adapter-kit';
import type { ${n.pascal}Record } from '@resident-graph/adapter-${n.id}';
import type { ${section} } from './${n.camel}Section.type';

/** A resident the department holds nothing on still gets a section (\`onRecord: false\`), told apart from a department that did not answer (\`null\`). */
export function to${section}({ record }: DepartmentLookup<${n.pascal}Record>): ${section} {
  return {
    onRecord: record !== null,
    referenceNumber: record?.referenceNumber ?? null,
    registeredOn: record?.registeredOn ?? null,
    status: record?.status ?? null,
  };
}
`,
    'src/permissions.ts': `import { access, sectionPolicy } from '@resident-graph/subgraph-kit';

/** Until the department agrees to share a field, its own officers only. */
const ownOfficer = access('deny', { 'own-officer': 'allow' });

/**
 * Who may read what of the ${n.en} subgraph. Denied by default: the department's own
 * officers, inside their jurisdiction, and nobody else. Open a row for an audience
 * (\`'grid-worker': 'jurisdiction'\` on \`Resident.${n.camel}\`, \`'grid-worker': 'allow'\` on a
 * field) when the department agrees to it (docs/onboarding.md).
 */
export const ${n.camel}Policy = sectionPolicy('${n.id}', {
  Resident: { ${n.camel}: access('deny', { 'own-officer': 'jurisdiction' }) },
  ${section}: {
    onRecord: ownOfficer,
    referenceNumber: ownOfficer,
    registeredOn: ownOfficer,
    status: ownOfficer,
  },
});
`,
    [`src/${n.camel}Subgraph.ts`]: `${protocol.settingsImports.join('\n')}
import { create${n.pascal}Adapter } from '@resident-graph/adapter-${n.id}';
import { defineSectionSubgraph } from '@resident-graph/subgraph-kit';
import { ${section} } from './${n.camel}Section.type';
import { ${n.camel}Policy } from './permissions';
import { to${section} } from './to${section}';

/** The ${n.en} department's section of the resident (${n.zh}). */
export const ${n.camel}Subgraph = defineSectionSubgraph({
  field: '${n.camel}',
  section: ${section},
  description: ${literal(`null with a DEPARTMENT_* error when the ${n.en} department cannot be asked`)},
  toSection: to${section},
  policy: ${n.camel}Policy,
  defaultPort: ${ports.subgraph},
  settings: ${protocol.settings(n, ports)},
  createAdapter: ${protocol.createAdapter(n)},
});
`,
    'tests/fixtures/expectedAccess.ts': `import { sectionAccess } from '@resident-graph/subgraph-kit/testing';

/**
 * Who may read what of the ${n.en} subgraph, written by hand from what the department agreed
 * to share — never read from the table under test (src/permissions.ts), which must match it.
 * The policy conformance suite (tests/e2e/policyConformance.e2e.ts) asks every field as every
 * audience and checks the answer against this. A change of policy changes this file too, on
 * purpose, in the same commit.
 */
export const expectedAccess = sectionAccess(
  '${n.id}',
  \`
  field                          grid-worker  window-clerk  own-officer   other-officer  analyst  auditor
  Resident.${n.camel}            deny         deny          jurisdiction  deny           deny     deny
  ${section}.onRecord            deny         deny          allow         deny           deny     deny
  ${section}.referenceNumber     deny         deny          allow         deny           deny     deny
  ${section}.registeredOn        deny         deny          allow         deny           deny     deny
  ${section}.status              deny         deny          allow         deny           deny     deny
\`,
);
`,
    'tests/expectedAccess.test.ts': `import { itMatchesTheWrittenAccess, itTakesJurisdictionFromTheIndex } from '@resident-graph/subgraph-kit/testing';
import { ${n.camel}Policy } from '../src/permissions';
import { expectedAccess } from './fixtures/expectedAccess';

describe('the ${n.id} policy, against the access written by hand', () => {
  itMatchesTheWrittenAccess(${n.camel}Policy, expectedAccess);
  itTakesJurisdictionFromTheIndex(${n.camel}Policy, ['Resident']);
});
`,
    [`tests/${n.camel}Subgraph.test.ts`]: `import { printSchema } from 'graphql';
import { audienceOf, AUDIENCES, type Audience } from '@resident-graph/subgraph-kit';
import { ${n.camel}Subgraph } from '../src';
import { to${section} } from '../src/to${section}';

describe('the ${n.id} subgraph', () => {
  it('extends Resident with its section', async () => {
    const { schema } = await ${n.camel}Subgraph.buildSchema();
    const sdl = printSchema(schema);
    expect(sdl).toMatch(/type Resident[^}]*\\b${n.camel}: ${section}\\b/s);
    expect(sdl).toMatch(/type ${section} \\{[^}]*onRecord: Boolean!/s);
  });

  it('maps a record, and tells a resident without one from a department that did not answer', () => {
    const record = { citizenId: '310115199001011234', referenceNumber: 'R-1', registeredOn: '2020-02-29', status: 'ACTIVE' as const };
    expect(to${section}({ record, issues: [] })).toEqual({ onRecord: true, referenceNumber: 'R-1', registeredOn: '2020-02-29', status: 'ACTIVE' });
    expect(to${section}({ record: null, issues: [] })).toEqual({ onRecord: false, referenceNumber: null, registeredOn: null, status: null });
  });

  it('denies the section to everyone but its own officers until the department opens a row', () => {
    const { policy } = ${n.camel}Subgraph;
    const officer = { subject: 'o', role: 'department-officer' as const, department: '${n.id}', grids: [], community: null };
    expect(audienceOf(officer, policy.department)).toBe('own-officer');
    const opened = (type: string, field: string) => AUDIENCES.filter((audience: Audience) => policy.table[type]![field]![audience] !== 'deny');
    expect(opened('Resident', '${n.camel}')).toEqual(['own-officer']);
    for (const field of Object.keys(policy.table.${section}!)) expect(opened('${section}', field)).toEqual(['own-officer']);
  });
});
`,
  };
}
