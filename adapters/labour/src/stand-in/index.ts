export { writeStandInData } from './writeStandInData';
export { startStandIn, type StandInOptions } from './startStandIn';
export { exportDirOf } from './standInFiles';
export { businessJournalIn } from './standInFiles';
