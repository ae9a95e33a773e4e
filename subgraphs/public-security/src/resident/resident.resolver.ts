import { GraphQLError } from 'graphql';
import { Arg, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { DataQualityIssue as Issue } from '@resident-graph/schemas';
import { CitizenIdScalar, DataQualityIssue, DepartmentEnum } from '@resident-graph/subgraph-kit';
import { Household } from '../household/household.type';
import { loadHousehold } from '../household/loadHousehold';
import type { PublicSecurityContext } from '../PublicSecurityContext';
import type { RepresentedIssue } from './departmentSections.type';
import { loadResident } from './loadResident';
import { Resident } from './resident.type';

const ISSUE_FIELDS = '{ dataQualityIssues { department kind storedId recordReference nameOnRecord } }';
const SECTIONS = ['civilAffairs', 'familyPlanning', 'labour'] as const;

function fromRepresentation(issue: RepresentedIssue): Issue {
  const department = DepartmentEnum[issue.department];
  if (!department) throw new GraphQLError(`unknown department "${issue.department}" in a representation`, { extensions: { code: 'BAD_USER_INPUT' } });
  return { ...issue, department };
}

@Resolver(() => Resident)
export class ResidentResolver {
  @Query(() => Resident, { nullable: true, description: 'null when public security holds no such person' })
  resident(@Arg('id', () => CitizenIdScalar) id: string, @Ctx() context: PublicSecurityContext): Promise<Resident | null> {
    return loadResident(context, id);
  }

  @FieldResolver(() => Household, { nullable: true, description: 'The registered household; null for the floating population' })
  household(@Root() resident: Resident, @Ctx() context: PublicSecurityContext): Promise<Household | null> | null {
    return resident.householdId === null ? null : loadHousehold(context, resident.householdId);
  }

  @FieldResolver(() => [DataQualityIssue], {
    description: "Everything the departments could not reconcile on this resident: public security's own, then each section's",
  })
  @Directive(`@requires(fields: "${SECTIONS.map((section) => `${section} ${ISSUE_FIELDS}`).join(' ')}")`)
  dataQualityIssues(@Root() resident: Resident): Issue[] {
    const sectionIssues = SECTIONS.flatMap((section) => resident[section]?.dataQualityIssues ?? []);
    return [...resident.publicSecurityIssues, ...sectionIssues.map(fromRepresentation)];
  }
}
