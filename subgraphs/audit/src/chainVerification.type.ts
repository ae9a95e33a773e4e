import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The audit hash chain held against itself and its signed checkpoints, as `npm run audit:verify` does' })
export class AuditChainVerification {
  @Field(() => Boolean, { description: 'No entry edited, missing, reordered or unlinked, and every signed checkpoint still held' })
  intact!: boolean;

  @Field(() => Int, { description: 'Entries found sound before the first break (all of them when intact)' })
  checked!: number;

  @Field(() => Int, { description: 'Position of the chain head' })
  headSequence!: number;

  @Field(() => Int, { nullable: true, description: 'Where the chain first breaks; null when intact' })
  firstBreakSequence!: number | null;

  @Field(() => String, { nullable: true, description: 'EDITED, MISSING, REORDERED, BROKEN_LINK, TRUNCATED or REWRITTEN; null when intact' })
  firstBreakKind!: string | null;

  @Field(() => Int, { description: 'Signed checkpoints the trail was held against' })
  checkpoints!: number;

  @Field(() => String, { nullable: true, description: 'When the newest signed checkpoint was taken (ISO 8601)' })
  newestCheckpointAt!: string | null;

  @Field(() => String, { description: 'When this verification ran (ISO 8601)' })
  verifiedAt!: string;

  @Field(() => String, { description: "The verifier's one-line verdict" })
  summary!: string;
}
