export * from './policyMatrix';
export * from './oneGridPopulation';
export * from './startTcpProxy';
export * from './graphql';
export * from './expectedAccess';
