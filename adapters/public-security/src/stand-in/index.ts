export { writeStandInData } from './writeStandInData';
export { startStandIn, type PublicSecurityStandInOptions } from './startStandIn';
export { dataFiles } from './dataFiles';
