export { writeStandInData } from './writeStandInData';
export { prepareStandIn, type PrepareStandInOptions } from './prepareStandIn';
export { CIVIL_AFFAIRS_TABLES, type CivilAffairsTables } from './civilAffairsTables';
