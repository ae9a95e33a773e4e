// The root config's unit project does not list bench/ yet: this runs bench/tests with the
// same transform (`npx jest -c bench/jest.config.js`).
const root = require('../jest.config.js');
const unit = root.projects.find((project) => project.displayName === 'unit');

module.exports = { ...unit, displayName: 'bench', rootDir: '..', testMatch: ['<rootDir>/bench/tests/**/*.test.ts'] };
