import { Directive, Field, ObjectType } from 'type-graphql';
import { DataQualityIssue } from '@resident-graph/subgraph-kit';

/**
 * An issue as another subgraph serialised it into a representation: `department` is the
 * GraphQL enum name (`CIVIL_AFFAIRS`), not the internal value.
 */
export type RepresentedIssue = Omit<DataQualityIssue, 'department'> & { department: string };

/*
 * The departments' sections, only as far as `Resident.dataQualityIssues` requires them:
 * the fields are external (resolved by each department's subgraph), so this subgraph
 * declares them without sharing their resolution.
 */

@ObjectType({ description: "Civil affairs' section (民政), owned by the civil-affairs subgraph" })
export class CivilAffairsSection {
  @Field(() => [DataQualityIssue])
  @Directive('@external')
  dataQualityIssues!: RepresentedIssue[];
}

@ObjectType({ description: "Family planning's section (计生), owned by the family-planning subgraph" })
export class FamilyPlanningSection {
  @Field(() => [DataQualityIssue])
  @Directive('@external')
  dataQualityIssues!: RepresentedIssue[];
}

@ObjectType({ description: "Labour and social security's section (劳动保障), owned by the labour subgraph" })
export class LabourSection {
  @Field(() => [DataQualityIssue])
  @Directive('@external')
  dataQualityIssues!: RepresentedIssue[];
}

/** What the gateway sends for `@requires`; a section is `null` when its department failed. */
export interface DepartmentSections {
  civilAffairs?: CivilAffairsSection | null;
  familyPlanning?: FamilyPlanningSection | null;
  labour?: LabourSection | null;
}
