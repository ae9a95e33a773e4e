// What tests use and production code never does (`@resident-graph/trust/testing`).
export * from './testTrust';
