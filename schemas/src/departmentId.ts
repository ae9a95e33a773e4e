/**
 * A department's id as code, tokens and policies name it: kebab-case (`labour`,
 * `community-corrections`). Open, unlike the truth model's `Department`: a department
 * joins through the registry without a change here (docs/onboarding.md).
 */
export type DepartmentId = string;

export const DEPARTMENT_ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function isDepartmentId(value: string): value is DepartmentId {
  return DEPARTMENT_ID_PATTERN.test(value);
}
