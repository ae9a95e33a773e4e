export { departmentNames, type DepartmentNames } from './DepartmentNames';
export { parseNewDepartmentArgs, PROTOCOLS, UsageError, USAGE } from './parseNewDepartmentArgs';
export { scaffoldDepartment, nextFreePorts, REGISTRY_FILES } from './scaffoldDepartment';
