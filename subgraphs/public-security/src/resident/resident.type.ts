import { Directive, Field, ObjectType } from 'type-graphql';
import type { DataQualityIssue as Issue, Gender, MaritalStatus, PopulationType, RelationToHead } from '@resident-graph/schemas';
import { CitizenIdScalar, DateScalar, GenderEnum } from '@resident-graph/subgraph-kit';
import type { RegistrationStatus } from '@resident-graph/adapter-public-security';
import { MaritalStatusEnum, PopulationTypeEnum, RegistrationStatusEnum, RelationToHeadEnum } from '../enums';
import { Ethnicity, ResidencePermit } from './identity.type';

@ObjectType({ description: 'A resident (居民), keyed by citizen ID; public security owns identity and the registered household' })
@Directive('@key(fields: "id")')
export class Resident {
  @Field(() => CitizenIdScalar)
  id!: string;

  @Field(() => String, { description: 'Name as public security registers it (姓名)' })
  name!: string;

  @Field(() => GenderEnum)
  gender!: Gender;

  @Field(() => DateScalar)
  birthDate!: string;

  @Field(() => Ethnicity)
  ethnicity!: Ethnicity;

  @Field(() => MaritalStatusEnum)
  maritalStatus!: MaritalStatus;

  @Field(() => PopulationTypeEnum)
  populationType!: PopulationType;

  @Field(() => RelationToHeadEnum, { nullable: true, description: 'null for the floating population' })
  relationToHead!: RelationToHead | null;

  @Field(() => String, { description: 'Registered address (户籍地址); for the floating population, outside the district' })
  registeredAddress!: string;

  @Field(() => ResidencePermit, { nullable: true, description: 'Residence permit (居住证) of the floating population' })
  residencePermit!: ResidencePermit | null;

  @Field(() => RegistrationStatusEnum, { description: 'Whether the register still holds the resident (户口状态), or deregistered them' })
  registrationStatus!: RegistrationStatus;

  @Field(() => DateScalar, { nullable: true, description: 'When the registration was cancelled (注销日期); null while registered' })
  deregisteredOn!: string | null;

  /** Household number (户号) the resident is registered in; resolved into `household`. */
  householdId!: string | null;

  /** Public security's own issues on the resident. */
  publicSecurityIssues!: Issue[];
}
