import path from 'node:path';

/** The service's data, as `writeStandInData` writes it: one GBK XML file of `<Person>`s under `<JSXX>`. */
export const standInDataFile = (dataDir: string): string => path.join(dataDir, 'family-planning', 'jsxx-persons.xml');
