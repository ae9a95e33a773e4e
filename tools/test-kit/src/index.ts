export * from './sampleResident';
export * from './citizenId';
export * from './oneGridPopulation';
export * from './startTcpProxy';
export * from './graphql';
export * from './freePorts';
export * from './testSchema';
export * from './fakeTheClockOnly';
