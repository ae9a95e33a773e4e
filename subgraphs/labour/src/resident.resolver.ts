import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { REQUIRES_JURISDICTION, toGraphQLError } from '@resident-graph/subgraph-kit';
import type { LabourContext } from './LabourContext';
import { LabourSection } from './labourSection.type';
import { Resident } from './resident.type';
import { toLabourSection } from './toLabourSection';

@Resolver(() => Resident)
export class ResidentResolver {
  @FieldResolver(() => LabourSection, {
    nullable: true,
    description: 'null with a DEPARTMENT_* error when the labour bureau cannot be asked',
  })
  @Directive(REQUIRES_JURISDICTION)
  async labour(@Root() resident: Resident, @Ctx() context: LabourContext): Promise<LabourSection> {
    try {
      return toLabourSection(await context.labour.load(resident.id));
    } catch (error) {
      throw toGraphQLError(error);
    }
  }
}
