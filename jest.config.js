// Nothing the tests load may report usage to a vendor (Apollo Gateway does by default).
process.env.APOLLO_TELEMETRY_DISABLED = '1';
// Tests count calls and inject faults through the stand-ins' and subgraphs' /__control/* routes,
// which only test runs serve (the stacks the suites start inherit it).
process.env.TEST_CONTROL_ROUTES = '1';
// Suites provoke department failures on purpose; their warnings are not the test's output.
process.env.LOG_LEVEL ??= 'silent';

// Two kinds of test, one runner: unit suites live in each package's tests/ folder;
// end-to-end suites (tests/e2e/*.e2e.ts, bench/tests/*.e2e.ts) start real processes and run one at a time.
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2023',
      },
      module: { type: 'commonjs' },
    },
  ],
};
const common = {
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['reflect-metadata'],
};

/** @type {import('jest').Config} */
module.exports = {
  // End-to-end suites each start their own stack on free ports; two at once would only fight for the two cores.
  maxWorkers: process.env.CI ? 1 : 2,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{schemas,adapters,subgraphs,gateway,console,tools,registry,bench}/**/tests/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts', '<rootDir>/bench/tests/**/*.e2e.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/e2eSetup.ts'],
    },
  ],
};
