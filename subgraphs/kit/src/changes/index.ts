export * from './changeRoutes';
export * from './reportedChangeSchema';
