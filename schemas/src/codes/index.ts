export * from './gender';
export * from './maritalStatus';
export * from './relationToHead';
export * from './ethnicity';
export * from './socialInsurance';
export * from './disability';
