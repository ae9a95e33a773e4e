import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PublicSecurityContext } from '../PublicSecurityContext';
import { loadResident } from '../resident/loadResident';
import { Resident } from '../resident/resident.type';
import { Household, HouseholdMember } from './household.type';

@Resolver(() => Household)
export class HouseholdResolver {
  @FieldResolver(() => Resident, { nullable: true, description: 'The head of the household (户主)' })
  async head(@Root() household: Household, @Ctx() context: PublicSecurityContext): Promise<Resident | null> {
    const head = household.memberRecords.find((member) => member.relationToHead === 'HEAD' || member.relationToHead === 'SELF');
    return head ? loadResident(context, head.citizenId) : null;
  }

  @FieldResolver(() => [HouseholdMember], { description: 'Members public security holds a record on, in registration order' })
  async members(@Root() household: Household, @Ctx() context: PublicSecurityContext): Promise<HouseholdMember[]> {
    const residents = await Promise.all(household.memberRecords.map((member) => loadResident(context, member.citizenId)));
    return household.memberRecords.flatMap((member, i) => {
      const resident = residents[i];
      return resident ? [{ resident, relationToHead: member.relationToHead }] : [];
    });
  }
}
