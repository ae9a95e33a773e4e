export * from './DepartmentError';
export * from './DepartmentAdapter';
export * from './createDepartmentPolicy';
export * from './InvalidIdIndex';
export * from './startStandInServer';
export * from './runSqlMigrations';
export * from './inTransaction';
