import { Directive, Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { CandidateState } from '@resident-graph/identity/links';
import type { Department, LinkGrade } from '@resident-graph/schemas';
import { CitizenIdScalar } from '../scalars';
import { DepartmentEnum, LinkGradeEnum } from '../sharedTypes';

export const RecordLinkStateEnum: { [K in CandidateState]: K } = { PENDING: 'PENDING', LINKED: 'LINKED', REJECTED: 'REJECTED' };
registerEnumType(RecordLinkStateEnum, {
  name: 'RecordLinkState',
  description: 'PENDING: in the review queue; LINKED: the record is read as the resident’s; REJECTED: an officer said it is not theirs',
});

@InputType('RecordLinkInput', { description: 'A department record and one of the residents identity resolution proposed for it' })
export class RecordLinkInput {
  @Field(() => String, { description: 'The key exactly as the department stores it' })
  storedId!: string;

  @Field(() => CitizenIdScalar)
  residentId!: string;
}

@ObjectType('RecordLinkDecision', { description: 'A candidate link between a department record and a resident, after a decision' })
@Directive('@shareable')
export class RecordLinkDecision {
  @Field(() => DepartmentEnum)
  department!: Department;

  @Field(() => String)
  storedId!: string;

  @Field(() => CitizenIdScalar)
  residentId!: string;

  @Field(() => LinkGradeEnum)
  grade!: LinkGrade;

  @Field(() => RecordLinkStateEnum)
  state!: CandidateState;

  @Field(() => String, { nullable: true, description: 'Who decided (the subject of their token), or the batch for automatic links' })
  decidedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'When, ISO 8601' })
  decidedAt!: string | null;
}
