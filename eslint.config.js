const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const { createNodeResolver, flatConfigs: importX } = require('eslint-plugin-import-x');
const { LAYERS, workspaces, layerOf, forbiddenEdge } = require('./packageLayers.cjs');

const packages = workspaces();

// Production code (a package's src/) imports only from its own layer or below (packageLayers.cjs).
// Tests sit on top with the test helpers; the package graph check still forbids cycles through them.
const layerZones = packages.flatMap((importer) => {
  const above = packages.filter((other) => other !== importer && forbiddenEdge(importer.dir, other.dir));
  return above.map((other) => ({
    target: `./${importer.dir}/src/**`,
    from: `./${other.dir}/**`,
    message: `${forbiddenEdge(importer.dir, other.dir)} (packageLayers.cjs).`,
  }));
});

const deepDistImport = {
  group: ['*/dist/*', '@*/*/dist/*'],
  message: "A library's dist/ is not its public API; if nothing public serves, disable this line with a reason.",
};
const productionSources = packages
  .filter(({ dir }) => layerOf(dir) < LAYERS.findIndex((layer) => layer.name === 'tools and test helpers'))
  .map(({ dir }) => `${dir}/src/**`);

module.exports = tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/src/generated/**', '**/coverage/**', '.data/**', '.turbo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: importX.recommended.plugins,
    settings: {
      // Workspace packages resolve through their node_modules links to their real folders,
      // which is what the layer zones name.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.cjs', '.json'] })],
    },
    rules: {
      // Every package declares what it imports, checked against its own package.json; test code
      // and build scripts may use devDependencies.
      'import-x/no-extraneous-dependencies': [
        'error',
        {
          devDependencies: ['**/tests/**', 'tests/**', '**/scripts/**', '*.config.js', '**/*.config.ts', '*.cjs'],
          optionalDependencies: false,
          peerDependencies: false,
          includeInternal: true,
          includeTypes: true,
        },
      ],
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'no-restricted-imports': ['error', { patterns: [deepDistImport] }],
    },
  },
  {
    // Production code of the runtime layers never reaches for a test hook.
    files: productionSources,
    ignores: ['**/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            deepDistImport,
            { group: ['@resident-graph/*/testing'], message: 'A /testing entry point is for tests and test helpers, never production code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs', '**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Build scripts written as ES modules (the console's codegen and build).
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // End-to-end suites handle GraphQL answers as untyped JSON.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
