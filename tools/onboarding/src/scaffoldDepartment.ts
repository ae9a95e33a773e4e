import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEPARTMENTS, SUBGRAPHS } from '@resident-graph/registry';
import type { DepartmentNames } from './DepartmentNames';
import { registryEntry, withRegistryDependencies, withRegistryEntry } from './registryEntry';
import { adapterCommon } from './templates/adapterCommon';
import { under, type FileMap } from './templates/FileMap';
import { packageJsons } from './templates/packageJsons';
import { PROTOCOL_TEMPLATES } from './templates/protocols';
import type { DepartmentPorts } from './templates/ProtocolTemplate';
import { subgraphFiles } from './templates/subgraphFiles';

export const REGISTRY_FILES = { departments: 'registry/src/departments.ts', manifest: 'registry/package.json' } as const;

/** The next ports after every one the registry has given out. */
export function nextFreePorts(): DepartmentPorts {
  const standIns = DEPARTMENTS.flatMap(({ standIn }) => (standIn.kind === 'server' ? [standIn.port] : []));
  return { subgraph: Math.max(...SUBGRAPHS.map((subgraph) => subgraph.port)) + 1, standIn: Math.max(...standIns) + 1 };
}

/**
 * Writes the department's adapter and subgraph folders and its registry entry. Refuses,
 * before writing anything, if either folder exists.
 */
export function scaffoldDepartment(repoRoot: string, n: DepartmentNames): { files: string[]; ports: DepartmentPorts } {
  const protocol = PROTOCOL_TEMPLATES[n.protocol];
  const ports = nextFreePorts();
  const manifests = packageJsons(n, protocol);
  const files: FileMap = {
    ...under(`adapters/${n.id}`, { ...manifests.adapter, ...adapterCommon(n), ...protocol.adapterFiles(n, ports) }),
    ...under(`subgraphs/${n.id}`, { ...manifests.subgraph, ...subgraphFiles(n, ports, protocol) }),
  };
  for (const folder of [`adapters/${n.id}`, `subgraphs/${n.id}`]) {
    if (existsSync(path.join(repoRoot, folder))) throw new Error(`${folder} exists already; remove it or choose another --id`);
  }
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repoRoot, file)), { recursive: true });
    writeFileSync(path.join(repoRoot, file), content);
  }
  const edit = (file: string, change: (text: string) => string) =>
    writeFileSync(path.join(repoRoot, file), change(readFileSync(path.join(repoRoot, file), 'utf8')));
  edit(REGISTRY_FILES.departments, (source) => withRegistryEntry(source, registryEntry(n, ports, protocol)));
  edit(REGISTRY_FILES.manifest, (manifest) => withRegistryDependencies(manifest, n.id));
  return { files: [...Object.keys(files), REGISTRY_FILES.departments, REGISTRY_FILES.manifest], ports };
}
