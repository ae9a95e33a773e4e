import type { DepartmentNames } from '../DepartmentNames';
import type { FileMap } from './FileMap';
import type { ProtocolTemplate } from './ProtocolTemplate';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const sorted = (dependencies: Record<string, string>) => Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b)));

/** The two packages' manifests: every import declared, versions as the other departments pin them. */
export function packageJsons(n: DepartmentNames, protocol: ProtocolTemplate): { adapter: FileMap; subgraph: FileMap } {
  return {
    adapter: {
      'package.json': json({
        name: `@resident-graph/adapter-${n.id}`,
        version: '0.1.0',
        private: true,
        main: 'src/index.ts',
        types: 'src/index.ts',
        dependencies: sorted({
          '@resident-graph/adapter-kit': '*',
          '@resident-graph/schemas': '*',
          '@resident-graph/service-kit': '*',
          ...protocol.dependencies,
          zod: '^4.1.0',
        }),
        devDependencies: { '@resident-graph/test-kit': '*' },
        exports: { '.': './src/index.ts', './stand-in': './src/stand-in/index.ts' },
        typesVersions: { '*': { 'stand-in': ['src/stand-in/index.ts'] } },
      }),
    },
    subgraph: {
      'package.json': json({
        name: `@resident-graph/subgraph-${n.id}`,
        version: '0.1.0',
        private: true,
        main: 'src/index.ts',
        types: 'src/index.ts',
        dependencies: {
          '@resident-graph/adapter-kit': '*',
          [`@resident-graph/adapter-${n.id}`]: '*',
          '@resident-graph/service-kit': '*',
          '@resident-graph/subgraph-kit': '*',
          graphql: '16.15.0',
          'reflect-metadata': '^0.2.2',
          'type-graphql': '2.0.0-rc.4',
          zod: '^4.1.0',
        },
      }),
    },
  };
}
