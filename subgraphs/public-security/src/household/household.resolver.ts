import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PolicedContext } from '@resident-graph/subgraph-kit';
import type { PublicSecurityContext } from '../PublicSecurityContext';
import { loadResident } from '../resident/loadResident';
import { Resident } from '../resident/resident.type';
import { Household, HouseholdMember } from './household.type';

/** The audit entry names every member a household read serves (accessLog finds them by resident). */
type HouseholdContext = PublicSecurityContext & PolicedContext;

@Resolver(() => Household)
export class HouseholdResolver {
  @FieldResolver(() => Resident, { nullable: true, description: 'The head of the household (户主)' })
  async head(@Root() household: Household, @Ctx() context: HouseholdContext): Promise<Resident | null> {
    const record = household.memberRecords.find((member) => member.relationToHead === 'HEAD' || member.relationToHead === 'SELF');
    const head = record ? await loadResident(context, record.citizenId) : null;
    if (head) context.served.recordResident(head.id);
    return head;
  }

  @FieldResolver(() => [HouseholdMember], { description: 'Members public security holds a record on, in registration order' })
  async members(@Root() household: Household, @Ctx() context: HouseholdContext): Promise<HouseholdMember[]> {
    const residents = await Promise.all(household.memberRecords.map((member) => loadResident(context, member.citizenId)));
    const members = household.memberRecords.flatMap((member, i) => {
      const resident = residents[i];
      return resident ? [{ resident, relationToHead: member.relationToHead }] : [];
    });
    for (const { resident } of members) context.served.recordResident(resident.id);
    return members;
  }
}
