import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import {
  DATA_QUALITY_ISSUE_KINDS,
  DEPARTMENTS,
  GENDERS,
  LINK_GRADES,
  type DataQualityIssueKind,
  type Department,
  type Gender,
  type LinkGrade,
} from '@resident-graph/schemas';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

/** GraphQL enum values are the canonical names; departments are kebab-case in code. */
export const DepartmentEnum = Object.fromEntries(DEPARTMENTS.map((d) => [d.toUpperCase().replace('-', '_'), d])) as Record<string, Department>;
export const GenderEnum = enumOf<Gender>(GENDERS);
export const DataQualityIssueKindEnum = enumOf<DataQualityIssueKind>(DATA_QUALITY_ISSUE_KINDS);
export const LinkGradeEnum = enumOf<LinkGrade>(LINK_GRADES);

registerEnumType(DepartmentEnum, { name: 'Department' });
registerEnumType(GenderEnum, { name: 'Gender' });
registerEnumType(DataQualityIssueKindEnum, { name: 'DataQualityIssueKind' });
registerEnumType(LinkGradeEnum, { name: 'LinkGrade', description: 'How sure a link between a department record and a resident is' });

@ObjectType({ description: 'A department record the graph could not reconcile with the resident' })
@Directive('@shareable')
export class DataQualityIssue {
  @Field(() => DepartmentEnum)
  department!: Department;

  @Field(() => DataQualityIssueKindEnum)
  kind!: DataQualityIssueKind;

  @Field(() => String, { description: 'The key exactly as the department stores it' })
  storedId!: string;

  @Field(() => String, { description: "The department's own reference for the record" })
  recordReference!: string;

  @Field(() => String, { nullable: true })
  nameOnRecord!: string | null;

  @Field(() => LinkGradeEnum, { nullable: true, description: 'LINKED_RECORD and UNRESOLVED_RECORD: how sure the link is' })
  grade?: LinkGrade;

  @Field(() => String, { nullable: true, description: 'LINKED_RECORD and UNRESOLVED_RECORD: the rule that gave the grade' })
  reason?: string;
}

/**
 * Where a resident or household actually is, as the grid database says: what jurisdiction
 * rules compare with the caller's grids and community. The grid subgraph resolves it;
 * the others `@requires` it. Hidden from clients.
 */
@ObjectType('Jurisdiction', { description: 'Where a resident or household is, for jurisdiction checks' })
@Directive('@inaccessible')
@Directive('@shareable')
export class JurisdictionType {
  @Field(() => String, { nullable: true })
  gridId!: string | null;

  @Field(() => String, { nullable: true })
  communityId!: string | null;
}
