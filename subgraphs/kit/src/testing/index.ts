// What tests of a subgraph use and production code never does (`@resident-graph/subgraph-kit/testing`).
export * from './recordingAuditWriter';
export * from './policyMatrix';
export * from './populationJurisdiction';
export * from './expectedAccess';
export * from './policyConformance';
export * from './keySetClient';
export * from './memoryDataQuality';
export * from './changeDeliveryClient';
