// The suites StrykerJS runs against each mutant of the security core (stryker.config.json):
// unit suites only, and only those that test it; each mutant then runs just the tests that
// cover it. The whole test suite stays `npm test`.
const { projects } = require('./jest.config.js');

const unit = projects.find((project) => project.displayName === 'unit');

/** @type {import('jest').Config} */
module.exports = {
  ...unit,
  displayName: 'mutation',
  // Instrumented code runs slower: the store's tests append hundreds of entries.
  testTimeout: 30_000,
  testMatch: [
    '<rootDir>/tools/trust/tests/**/*.test.ts',
    '<rootDir>/subgraphs/kit/tests/**/*.test.ts',
    // Not outage.test.ts: it measures refusal times, which instrumentation and a busy machine distort.
    '<rootDir>/tools/audit/tests/{accessLogFilters,anchors,appendAndRead,appendOnly,defaultSchema,tamper,toAuditRecord,withinTimeLimit}.test.ts',
    '<rootDir>/gateway/tests/{gatewayContext,gatewayLimits,useCitizenIdValidation}.test.ts',
    '<rootDir>/subgraphs/*/tests/expectedAccess.test.ts',
  ],
};
