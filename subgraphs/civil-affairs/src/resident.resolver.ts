import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { toGraphQLError } from '@resident-graph/subgraph-kit';
import type { CivilAffairsContext } from './CivilAffairsContext';
import { CivilAffairsSection } from './civilAffairsSection.type';
import { Resident } from './resident.type';
import { toCivilAffairsSection } from './toCivilAffairsSection';

@Resolver(() => Resident)
export class ResidentResolver {
  @FieldResolver(() => CivilAffairsSection, {
    nullable: true,
    description: 'null with a DEPARTMENT_* error when the civil affairs bureau cannot be asked',
  })
  async civilAffairs(@Root() resident: Resident, @Ctx() context: CivilAffairsContext): Promise<CivilAffairsSection> {
    try {
      return toCivilAffairsSection(await context.civilAffairs.load(resident.id));
    } catch (error) {
      throw toGraphQLError(error);
    }
  }
}
