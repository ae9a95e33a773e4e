export { writeStandInData } from './writeStandInData';
export { startStandIn, type PublicSecurityStandInOptions } from './startStandIn';
