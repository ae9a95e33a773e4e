import 'reflect-metadata';

export { buildChangesSchema } from './buildChangesSchema';
export { startChangesSubgraph, DELIVERY_DEPARTMENTS, type StartChangesSubgraphOptions } from './startChangesSubgraph';
export { changesPolicy } from './permissions';
export { createChangeStore, prepareChangeStore, DEFAULT_CHANGES_SCHEMA, type ChangeStore } from './changeStore';
export { createGridDirectory, type GridDirectory } from './gridDirectory';
export { changeLimitsSchema } from './changeLimits';
export { lightOf, dueByOf } from './deadlines';
export { CHANGE_CHECK_PATH, CHANGE_DELIVERY_PATH } from './departmentCalls';
