import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: "One request for residents' data, served or refused: who, when, why, which fields" })
export class AccessLogEntry {
  @Field(() => Int, { description: 'Position in the hash chain' })
  sequence!: number;

  @Field(() => String, { description: 'When it was recorded (ISO 8601)' })
  recordedAt!: string;

  @Field(() => String)
  subject!: string;

  @Field(() => String)
  role!: string;

  @Field(() => String, { nullable: true })
  department!: string | null;

  @Field(() => String, { nullable: true })
  purposeCode!: string | null;

  @Field(() => String, { nullable: true })
  purposeReference!: string | null;

  @Field(() => String, { description: 'The subgraph that served the data' })
  subgraph!: string;

  @Field(() => [String], { description: 'Fields served, as Type.field' })
  fields!: string[];

  @Field(() => [String], { description: 'The residents whose data the request served or refused' })
  residentIds!: string[];

  @Field(() => String, { description: 'SERVED, or REFUSED when the policy refused the data (no purpose, out of jurisdiction, denied to the role)' })
  outcome!: string;

  @Field(() => String)
  requestId!: string;
}

@ObjectType()
export class AccessLogPageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType()
export class AccessLogConnection {
  @Field(() => [AccessLogEntry])
  nodes!: AccessLogEntry[];

  @Field(() => AccessLogPageInfo)
  pageInfo!: AccessLogPageInfo;
}
