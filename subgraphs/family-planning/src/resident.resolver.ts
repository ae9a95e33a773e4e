import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { REQUIRES_JURISDICTION, toGraphQLError } from '@resident-graph/subgraph-kit';
import type { FamilyPlanningContext } from './FamilyPlanningContext';
import { FamilyPlanningSection } from './familyPlanningSection.type';
import { Resident } from './resident.type';
import { toFamilyPlanningSection } from './toFamilyPlanningSection';

@Resolver(() => Resident)
export class ResidentResolver {
  @FieldResolver(() => FamilyPlanningSection, {
    nullable: true,
    description: 'null with a DEPARTMENT_* error when the family-planning service cannot be asked',
  })
  // The policy checks the section against the resident's jurisdiction, which only the grid subgraph knows.
  @Directive(REQUIRES_JURISDICTION)
  async familyPlanning(@Root() resident: Resident, @Ctx() context: FamilyPlanningContext): Promise<FamilyPlanningSection> {
    try {
      return toFamilyPlanningSection(await context.familyPlanning.load(resident.id));
    } catch (error) {
      throw toGraphQLError(error);
    }
  }
}
