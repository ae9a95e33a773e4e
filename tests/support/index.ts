export * from './freePorts';
export * from './testDatabase';
export * from './truth';
export * from './graphql';
export * from './startTestStack';
export * from './residentQuery';
export * from './expectedRecord';
export * from './callCounts';
