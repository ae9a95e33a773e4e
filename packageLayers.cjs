// The layers of the monorepo, bottom first. A package may depend on packages of its own layer
// or below, never above, and a department's package never on another department's. Lint reads
// this table twice: the import rule (eslint.config.js) for each file, and the package graph
// check (tools/stack/scripts/check-package-graph.cjs) for every declared dependency.
const { globSync, readFileSync } = require('node:fs');
const path = require('node:path');

const LAYERS = [
  { name: 'contracts', packages: ['schemas'] },
  {
    name: 'runtime libraries',
    packages: ['tools/service-kit', 'tools/trust', 'tools/audit', 'tools/identity', 'adapters/kit', 'subgraphs/kit'],
  },
  // A new department's folders land in these two layers by their place alone.
  { name: 'department adapters', packages: ['adapters/*'], departments: true },
  { name: 'department subgraphs', packages: ['subgraphs/*'], departments: true },
  { name: 'gateway', packages: ['gateway'] },
  // The web console: a client of the gateway's HTTP API (the gateway serves its build as files), importing no server package.
  { name: 'clients', packages: ['console'] },
  {
    name: 'tools and test helpers',
    packages: ['registry', 'tools/generator', 'tools/onboarding', 'tools/stack', 'bench', 'tools/test-kit', 'tests'],
  },
];

const root = __dirname;

/** Every workspace folder (relative to the root) with its package name and manifest. */
function workspaces() {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  return manifest.workspaces
    .flatMap((pattern) => globSync(`${pattern}/package.json`, { cwd: root }))
    .map((file) => {
      const dir = path.dirname(file);
      return { dir, manifest: JSON.parse(readFileSync(path.join(root, file), 'utf8')) };
    })
    .sort((a, b) => a.dir.localeCompare(b.dir));
}

/** The layer index of a workspace folder: an exact entry wins over a folder pattern. */
function layerOf(dir) {
  const exact = LAYERS.findIndex((layer) => layer.packages.includes(dir));
  if (exact >= 0) return exact;
  return LAYERS.findIndex((layer) => layer.packages.some((entry) => entry.endsWith('/*') && path.dirname(dir) === entry.slice(0, -2)));
}

/** Whether a dependency from one workspace folder to another goes up or across departments. */
function forbiddenEdge(fromDir, toDir) {
  const from = layerOf(fromDir);
  const to = layerOf(toDir);
  if (to > from) return `${LAYERS[from].name} may not depend on ${LAYERS[to].name}`;
  if (to === from && LAYERS[from].departments) return 'one department may not depend on another';
  return undefined;
}

module.exports = { LAYERS, workspaces, layerOf, forbiddenEdge };
