// Lint for the package graph as package.json files declare it: every workspace sits in a layer
// of packageLayers.cjs, no dependency goes up a layer or across departments (devDependencies
// serve a package's tests, which sit on top with the test helpers), and no cycle, tests
// included. `--print` writes the graph, lowest layer first.
const { LAYERS, workspaces, layerOf, forbiddenEdge } = require('../../../packageLayers.cjs');

const packages = workspaces();
const dirByName = new Map(packages.map(({ dir, manifest }) => [manifest.name, dir]));
const workspaceDeps = (declared = {}) =>
  Object.keys(declared)
    .filter((name) => dirByName.has(name))
    .map((name) => dirByName.get(name));
const runtimeEdges = new Map(packages.map(({ dir, manifest }) => [dir, workspaceDeps(manifest.dependencies)]));
const testEdges = new Map(packages.map(({ dir, manifest }) => [dir, workspaceDeps(manifest.devDependencies)]));
const edges = new Map(packages.map(({ dir }) => [dir, [...runtimeEdges.get(dir), ...testEdges.get(dir)]]));

const problems = [];
for (const { dir } of packages) {
  if (layerOf(dir) < 0) problems.push(`${dir}: in no layer of packageLayers.cjs`);
}
if (problems.length === 0) {
  for (const [from, targets] of runtimeEdges) {
    for (const to of targets) {
      const reason = forbiddenEdge(from, to);
      if (reason) problems.push(`${from} -> ${to}: ${reason}`);
    }
  }
}

// Depth-first search; a dependency met again while still on the path closes a cycle.
const state = new Map();
function visit(dir, trail) {
  if (state.get(dir) === 'done') return;
  if (state.get(dir) === 'open') {
    problems.push(`cycle: ${[...trail.slice(trail.indexOf(dir)), dir].join(' -> ')}`);
    return;
  }
  state.set(dir, 'open');
  for (const next of edges.get(dir)) visit(next, [...trail, dir]);
  state.set(dir, 'done');
}
for (const { dir } of packages) visit(dir, []);

if (process.argv.includes('--print')) {
  for (const { dir } of [...packages].sort((a, b) => layerOf(a.dir) - layerOf(b.dir))) {
    const tests = testEdges.get(dir).length > 0 ? `; its tests also -> ${testEdges.get(dir).join(', ')}` : '';
    console.log(`[${LAYERS[layerOf(dir)]?.name}] ${dir} -> ${runtimeEdges.get(dir).join(', ') || '(nothing)'}${tests}`);
  }
}
if (problems.length > 0) {
  console.error(`package graph (packageLayers.cjs):\n${problems.map((p) => `- ${p}`).join('\n')}`);
  process.exit(1);
}
