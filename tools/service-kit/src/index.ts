export * from './loadSettings';
export * from './createLogger';
export * from './onShutdown';
export * from './requestScope';
export * from './serveGraphQL';
export * from './statementName';
export * from './testControlRoutes';
export * from './tracing';
