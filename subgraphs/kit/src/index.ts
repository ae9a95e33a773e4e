import 'reflect-metadata';

export * from './scalars';
export * from './representationCitizenId';
export * from './sharedTypes';
export * from './buildFederatedSchema';
export * from './departmentErrors';
export * from './startSubgraph';
export * from './startDepartmentSubgraph';
export * from './runDepartmentSubgraph';
export * from './operationScoped';
export * from './SubgraphContext';
export * from './contextBinding';
export * from './policy';
export * from './section';
export * from './readiness';
export * from './statistics';
export * from './dataQuality';
export * from './changes';
