export { writeStandInData } from './writeStandInData';
export { prepareStandIn, type PrepareStandInOptions } from './prepareStandIn';
