// The suites StrykerJS runs against each mutant of the security core (stryker.config.json):
// unit suites only, and only those that test it; each mutant then runs just the tests that
// cover it. The whole test suite stays `npm test`.
const { projects } = require('./jest.config.js');

const unit = projects.find((project) => project.displayName === 'unit');

/** @type {import('jest').Config} */
module.exports = {
  ...unit,
  displayName: 'mutation',
  testMatch: [
    '<rootDir>/tools/trust/tests/**/*.test.ts',
    '<rootDir>/subgraphs/kit/tests/**/*.test.ts',
    '<rootDir>/tools/audit/tests/{appendAndRead,appendOnly,outage,tamper}.test.ts',
    '<rootDir>/gateway/tests/{GatewayContext,depthLimit,useCitizenIdValidation}.test.ts',
    '<rootDir>/subgraphs/*/tests/expectedAccess.test.ts',
  ],
};
