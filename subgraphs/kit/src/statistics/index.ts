export * from './keySets';
export * from './keySetWire';
export * from './pseudonymousKeys';
export { KEY_SET_PATH } from './keySetRoute';
export * from './storedIdStatistics';
export * from './snapshot';
