import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  EMPLOYMENT_STATUSES,
  POPULATION_TYPES,
  RESIDENT_CATEGORIES,
  STATISTICS_DIMENSIONS,
  type EmploymentStatus,
  type Gender,
  type PopulationType,
  type ResidentCategory,
  type StatisticsDimension,
} from '@resident-graph/schemas';
import { DateScalar, GenderEnum } from '@resident-graph/subgraph-kit';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const STATISTICS_UNITS = ['RESIDENTS', 'HOUSEHOLDS'] as const;
export type StatisticsUnit = (typeof STATISTICS_UNITS)[number];

export const StatisticsUnitEnum = enumOf<StatisticsUnit>(STATISTICS_UNITS);
export const StatisticsDimensionEnum = enumOf<StatisticsDimension>(STATISTICS_DIMENSIONS);
// The same enums as the departments' subgraphs publish (composition requires equal values where an enum is an input).
const PopulationTypeEnum = enumOf<PopulationType>(POPULATION_TYPES);
const EmploymentStatusEnum = enumOf<EmploymentStatus>(EMPLOYMENT_STATUSES);
const ResidentCategoryEnum = enumOf<ResidentCategory>(RESIDENT_CATEGORIES);

registerEnumType(StatisticsUnitEnum, { name: 'StatisticsUnit', description: 'What is counted: residents, or households with any member matching' });
registerEnumType(StatisticsDimensionEnum, { name: 'StatisticsDimension', description: 'What counts are grouped by' });
registerEnumType(PopulationTypeEnum, { name: 'PopulationType', description: 'Household-registered (常住人口) or floating population (流动人口)' });
registerEnumType(EmploymentStatusEnum, { name: 'EmploymentStatus', description: 'Employment status as the labour bureau records it' });
registerEnumType(ResidentCategoryEnum, { name: 'ResidentCategory', description: "The grid survey's category flags" });

@InputType({ description: 'Full years at asOf: at least one bound' })
export class AgeRange {
  @Field(() => Int, { nullable: true })
  atLeast?: number | null;

  @Field(() => Int, { nullable: true })
  below?: number | null;
}

@InputType({ description: 'One fact, exactly one member; each is evaluated by the department that owns it, false for a resident it does not hold' })
export class ResidentFact {
  @Field(() => GenderEnum, { nullable: true, description: '[public security]' })
  gender?: Gender | null;

  @Field(() => PopulationTypeEnum, { nullable: true, description: '[public security]' })
  populationType?: PopulationType | null;

  @Field(() => AgeRange, { nullable: true, description: '[public security] full years at asOf' })
  age?: AgeRange | null;

  @Field(() => EmploymentStatusEnum, { nullable: true, description: '[labour] as the bureau holds it now' })
  employmentStatus?: EmploymentStatus | null;

  @Field(() => Boolean, { nullable: true, description: '[civil affairs] an ACTIVE 低保 case at asOf' })
  receivesMinimumLivingAllowance?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '[civil affairs] holds a disability record' })
  disabled?: boolean | null;

  @Field(() => Int, { nullable: true, description: '[family planning] a child on record younger than N full years at asOf' })
  hasChildUnder?: number | null;

  @Field(() => ResidentCategoryEnum, { nullable: true, description: "[grid] the grid survey's flag" })
  category?: ResidentCategory | null;
}

@InputType({ description: 'Exactly one member: all, any, not (the complement within your jurisdiction) or a fact' })
export class ResidentCondition {
  @Field(() => [ResidentCondition], { nullable: true })
  all?: ResidentCondition[] | null;

  @Field(() => [ResidentCondition], { nullable: true })
  any?: ResidentCondition[] | null;

  @Field(() => ResidentCondition, { nullable: true })
  not?: ResidentCondition | null;

  @Field(() => ResidentFact, { nullable: true })
  fact?: ResidentFact | null;
}

@InputType()
export class StatisticsInput {
  @Field(() => StatisticsUnitEnum, { defaultValue: 'RESIDENTS' })
  count!: StatisticsUnit;

  @Field(() => ResidentCondition, { nullable: true, description: 'absent: everyone in your jurisdiction' })
  where?: ResidentCondition | null;

  @Field(() => [StatisticsDimensionEnum], { defaultValue: [] })
  groupBy!: StatisticsDimension[];

  @Field(() => DateScalar, { nullable: true, description: "ages, active cases, children's ages; default today (Asia/Shanghai)" })
  asOf?: string | null;
}

@ObjectType()
export class StatisticsGroup {
  @Field(() => StatisticsDimensionEnum)
  dimension!: StatisticsDimension;

  @Field(() => String, { description: 'COMMUNITY and GRID their ids; GENDER and POPULATION_TYPE enum names; AGE_BAND "0-9" … "90+"' })
  value!: string;
}

@ObjectType()
export class StatisticsCell {
  @Field(() => [StatisticsGroup], { description: 'in groupBy order' })
  group!: StatisticsGroup[];

  @Field(() => Int, { nullable: true, description: 'null when suppressed' })
  count!: number | null;

  @Field(() => Boolean)
  suppressed!: boolean;
}

@ObjectType({ description: "A department's records that name no valid citizen ID: in no count" })
export class UnresolvedRecordCount {
  @Field(() => String)
  department!: string;

  @Field(() => Int)
  records!: number;
}

@ObjectType({ description: 'Counts for analysts: aggregates only, small cells suppressed, every count perturbed within perturbationBound' })
export class Statistics {
  // Cells first: the shortest way to a cell's groups (the policy conformance suite's) goes through a cell that has some.
  @Field(() => [StatisticsCell], { description: 'one per combination of group values present' })
  cells!: StatisticsCell[];

  @Field(() => StatisticsCell, { description: 'the whole filtered population, no grouping' })
  total!: StatisticsCell;

  @Field(() => Int, { description: 'smallest published non-zero count' })
  threshold!: number;

  @Field(() => Int, { description: '|published - true| <= this, 0 if exact' })
  perturbationBound!: number;

  @Field(() => DateScalar, { description: 'the date the counts are as of' })
  asOf!: string;

  @Field(() => Int, { description: 'cells withheld, primary and secondary' })
  suppressedCells!: number;

  @Field(() => [UnresolvedRecordCount], { description: 'per department asked, its records left out because their ID does not resolve' })
  unresolvedRecords!: UnresolvedRecordCount[];
}
