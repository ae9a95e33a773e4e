export * from './citizenId';
export * from './codes';
export * from './truth';
export * from './dataQuality';
export * from './storedIdentityOf';
export * from './departmentId';
export * from './statistics';
export * from './changes';
