import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { REQUIRES_JURISDICTION, toGraphQLError } from '@resident-graph/subgraph-kit';
import type { CivilAffairsContext } from './CivilAffairsContext';
import { CivilAffairsSection } from './civilAffairsSection.type';
import { Resident } from './resident.type';
import { toCivilAffairsSection } from './toCivilAffairsSection';

@Resolver(() => Resident)
export class ResidentResolver {
  @FieldResolver(() => CivilAffairsSection, {
    nullable: true,
    description: 'null with an error code when the civil affairs bureau cannot be asked (DEPARTMENT_*) or the caller may not read it (FORBIDDEN, OUT_OF_JURISDICTION, PURPOSE_REQUIRED)',
  })
  @Directive(REQUIRES_JURISDICTION)
  async civilAffairs(@Root() resident: Resident, @Ctx() context: CivilAffairsContext): Promise<CivilAffairsSection> {
    try {
      return toCivilAffairsSection(await context.civilAffairs.load(resident.id));
    } catch (error) {
      throw toGraphQLError(error);
    }
  }
}
