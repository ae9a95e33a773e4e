import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Script } from 'node:vm';
import { departmentNames } from '../src';
import { registryEntry, withRegistryDependencies, withRegistryEntry } from '../src/registryEntry';
import { PROTOCOL_TEMPLATES } from '../src/templates/protocols';

const REGISTRY = path.resolve(__dirname, '../../../registry');

describe("a department's registry entry", () => {
  const names = departmentNames({ id: 'disabled-persons', zh: '残联', en: "disabled persons' federation", protocol: 'csv' });

  it('is appended to DEPARTMENTS, names quoted so the list still parses', () => {
    const source = readFileSync(path.join(REGISTRY, 'src', 'departments.ts'), 'utf8');
    const entry = registryEntry(names, { subgraph: 4107, standIn: 4205 }, PROTOCOL_TEMPLATES.csv);
    const edited = withRegistryEntry(source, entry);
    expect(edited.startsWith(source.slice(0, source.lastIndexOf('];')))).toBe(true);
    expect(edited.trimEnd().endsWith(`${entry}];`)).toBe(true);
    // The entry alone, as an expression: a syntax error here is one in departments.ts.
    expect(() => new Script(`(${entry.trim().replace(/,$/, '')})`)).not.toThrow();
  });

  it("adds the department's two packages to the registry's dependencies, in order", () => {
    const manifest = JSON.parse(withRegistryDependencies(readFileSync(path.join(REGISTRY, 'package.json'), 'utf8'), names.id)) as {
      dependencies: Record<string, string>;
    };
    const dependencies = Object.keys(manifest.dependencies);
    expect(dependencies).toEqual(expect.arrayContaining(['@resident-graph/adapter-disabled-persons', '@resident-graph/subgraph-disabled-persons']));
    expect(dependencies).toEqual([...dependencies].sort((a, b) => a.localeCompare(b)));
  });
});
