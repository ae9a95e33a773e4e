import 'reflect-metadata';

export * from './scalars';
export * from './sharedTypes';
export * from './buildFederatedSchema';
export * from './departmentErrors';
export * from './startSubgraph';
export * from './operationScoped';
export * from './SubgraphContext';
export * from './contextBinding';
export * from './policy';
