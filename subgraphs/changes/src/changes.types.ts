import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  CHANGE_KINDS,
  DEADLINE_LIGHTS,
  DELIVERY_STATES,
  EMPLOYMENT_STATUSES,
  type ChangeKind,
  type DeadlineLight,
  type Department,
  type DeliveryState,
  type EmploymentStatus,
  type Gender,
} from '@resident-graph/schemas';
import { CitizenIdScalar, DateScalar, DepartmentEnum, GenderEnum } from '@resident-graph/subgraph-kit';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ChangeKindEnum = enumOf<ChangeKind>(CHANGE_KINDS);
export const DeliveryStateEnum = enumOf<DeliveryState>(DELIVERY_STATES);
export const DeadlineLightEnum = enumOf<DeadlineLight>(DEADLINE_LIGHTS);
// The labour subgraph's enum, with the same values (composition requires equal values where an enum is an input).
const EmploymentStatusEnum = enumOf<EmploymentStatus>(EMPLOYMENT_STATUSES);

registerEnumType(ChangeKindEnum, { name: 'ChangeKind', description: 'An event a resident reports once, for every department that must act on it' });
registerEnumType(DeliveryStateEnum, {
  name: 'DeliveryState',
  description: 'PENDING: queued or being retried; DELIVERED: taken, not yet decided; ACCEPTED / REJECTED: the department decided',
});
registerEnumType(DeadlineLightEnum, {
  name: 'DeadlineLight',
  description: 'E-supervision of the time limit: GREEN in time or done, YELLOW near the limit, RED past it',
});
registerEnumType(EmploymentStatusEnum, { name: 'EmploymentStatus', description: 'Employment status as the labour bureau records it' });

@InputType({ description: 'MOVE_IN, ADDRESS_CHANGE: the grid of the street moved into and the address there' })
export class MoveInput {
  @Field(() => ID)
  gridId!: string;

  @Field(() => String)
  address!: string;
}

@InputType({ description: 'MOVE_OUT: the address outside the street the resident leaves for' })
export class MoveOutInput {
  @Field(() => String)
  toAddress!: string;
}

@InputType({ description: 'BIRTH: the parents (residents of the street) and the child, who has no citizen ID yet' })
export class BirthInput {
  @Field(() => CitizenIdScalar)
  motherId!: string;

  @Field(() => CitizenIdScalar, { nullable: true })
  fatherId?: string | null;

  @Field(() => String)
  childName!: string;

  @Field(() => GenderEnum)
  childGender!: Gender;
}

@InputType({ description: 'MARRIAGE, DIVORCE: the other party, a resident of the street' })
export class SpouseInput {
  @Field(() => CitizenIdScalar)
  spouseId!: string;
}

@InputType({ description: 'EMPLOYMENT_CHANGE: the status from occurredOn' })
export class EmploymentChangeInput {
  @Field(() => EmploymentStatusEnum)
  status!: EmploymentStatus;
}

@InputType({ description: 'One change, reported once: its kind, whom it is about, when, and exactly the member its kind needs' })
export class ChangeReportInput {
  @Field(() => ChangeKindEnum)
  kind!: ChangeKind;

  @Field(() => CitizenIdScalar, { nullable: true, description: 'Whom it is about; absent for a birth, which names the parents' })
  residentId?: string | null;

  @Field(() => DateScalar)
  occurredOn!: string;

  @Field(() => EmploymentChangeInput, { nullable: true })
  employment?: EmploymentChangeInput | null;

  @Field(() => MoveInput, { nullable: true })
  move?: MoveInput | null;

  @Field(() => MoveOutInput, { nullable: true })
  moveOut?: MoveOutInput | null;

  @Field(() => BirthInput, { nullable: true })
  birth?: BirthInput | null;

  @Field(() => SpouseInput, { nullable: true })
  spouse?: SpouseInput | null;
}

@ObjectType({ description: "One department's part in a reported change: its progress and its deadline" })
export class ChangeDelivery {
  @Field(() => DepartmentEnum)
  department!: Department;

  @Field(() => DeliveryStateEnum)
  state!: DeliveryState;

  @Field(() => String, { nullable: true, description: 'Why the department rejected it' })
  reason?: string | null;

  @Field(() => String, { description: 'ISO 8601 deadline: reported plus the limit CHANGE_RULES (or CHANGE_LIMITS_JSON) gives the department' })
  dueBy!: string;

  @Field(() => DeadlineLightEnum)
  light!: DeadlineLight;

  @Field(() => String, { description: 'What the department does with it' })
  action!: string;

  @Field(() => Int, { description: 'Times it was sent (retries included)' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'ISO 8601: when the department answered' })
  deliveredAt?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601: when the department accepted or rejected it' })
  decidedAt?: string | null;

  @Field(() => Boolean, { description: 'Decided after dueBy' })
  late!: boolean;

  @Field(() => ID, {
    nullable: true,
    description:
      "Held back (still PENDING, its deadline running) until this earlier report, naming one of the same residents, is decided by this department: a resident's changes reach it in the order reported. Null once queued",
  })
  heldBehind?: string | null;
}

@ObjectType({ description: 'A change reported once, with one delivery per department that must act on it' })
export class ChangeReport {
  @Field(() => ID)
  id!: string;

  @Field(() => ChangeKindEnum)
  kind!: ChangeKind;

  @Field(() => [ChangeDelivery], { description: 'In CHANGE_RULES order' })
  deliveries!: ChangeDelivery[];

  @Field(() => CitizenIdScalar, { nullable: true, description: 'Whom it is about (a birth: null, the mother is in the report)' })
  residentId?: string | null;

  @Field(() => DateScalar)
  occurredOn!: string;

  @Field(() => String, { description: 'ISO 8601' })
  reportedAt!: string;

  @Field(() => String, { description: 'The subject of the token that reported it' })
  reportedBy!: string;

  /** Where the change is (the subject's grid, a move in's new grid): the jurisdiction reads are checked against. */
  place!: { gridId: string | null; communityId: string | null };
}

@InputType({ description: "The supervisors' list: every member narrows it" })
export class ChangeReportFilter {
  @Field(() => DepartmentEnum, { nullable: true, description: 'Only reports with a delivery to this department (and only those deliveries rank them)' })
  department?: Department | null;

  @Field(() => DeadlineLightEnum, { nullable: true })
  light?: DeadlineLight | null;

  @Field(() => DeliveryStateEnum, { nullable: true })
  state?: DeliveryState | null;
}

@ObjectType()
export class ChangeReportPageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor?: string | null;
}

@ObjectType({ description: 'Reports whose matching deliveries are worst first (RED, YELLOW, GREEN), then by the earliest deadline' })
export class ChangeReportConnection {
  @Field(() => [ChangeReport])
  nodes!: ChangeReport[];

  @Field(() => Int)
  totalCount!: number;

  @Field(() => ChangeReportPageInfo)
  pageInfo!: ChangeReportPageInfo;
}
