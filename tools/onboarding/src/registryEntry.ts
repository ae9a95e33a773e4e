import { literal, type DepartmentNames } from './DepartmentNames';
import type { DepartmentPorts, ProtocolTemplate } from './templates/ProtocolTemplate';

/** The department's line in `registry/src/departments.ts`, in the form the others have. */
export function registryEntry(n: DepartmentNames, ports: DepartmentPorts, protocol: ProtocolTemplate): string {
  return `  {
    id: '${n.id}',
    names: { zh: ${literal(n.zh)}, en: ${literal(n.en)} },
    protocol: '${n.protocol}',
    standIn: ${protocol.registryStandIn(n, ports)},
    loadStandInWriter: async () => (await import('@resident-graph/adapter-${n.id}/stand-in')).writeStandInData,
    subgraph: {
      name: '${n.id}',
      title: ${literal(n.en)},
      port: ${ports.subgraph},
      entry: 'subgraphs/${n.id}/src/main.ts',
      section: true,
      env: ${protocol.registryEnv(n)},
      load: async () => (await import('@resident-graph/subgraph-${n.id}')).${n.camel}Subgraph,
    },
  },
`;
}

/** `departments.ts` with the entry appended to `DEPARTMENTS`. */
export function withRegistryEntry(source: string, entry: string): string {
  const end = source.lastIndexOf('];');
  if (end < 0 || !source.includes('export const DEPARTMENTS')) throw new Error('registry/src/departments.ts: no DEPARTMENTS list to add to');
  return `${source.slice(0, end)}${entry}${source.slice(end)}`;
}

/** `registry/package.json` depending on the department's two packages too. */
export function withRegistryDependencies(manifest: string, id: string): string {
  const parsed = JSON.parse(manifest) as { dependencies: Record<string, string> };
  const dependencies = { ...parsed.dependencies, [`@resident-graph/adapter-${id}`]: '*', [`@resident-graph/subgraph-${id}`]: '*' };
  parsed.dependencies = Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify(parsed, null, 2)}\n`;
}
