import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { DataQualityIssue as Issue, LinkGrade } from '@resident-graph/schemas';
import {
  audienceOf,
  CitizenIdScalar,
  DataQualityIssue,
  LinkGradeEnum,
  showIssue,
  type IssueDetail,
  type PolicedContext,
  type ShownIssue,
} from '@resident-graph/subgraph-kit';
import { Household } from '../household/household.type';
import { loadHousehold } from '../household/loadHousehold';
import type { PublicSecurityContext } from '../PublicSecurityContext';
import { loadResident } from './loadResident';
import { Resident } from './resident.type';

type Context = PublicSecurityContext & PolicedContext;

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

  /**
   * Public security's own issues, then those the departments published in the data-quality
   * index, each shown as its department's own policy shows it to the caller (docs/architecture.md).
   */
  @FieldResolver(() => [DataQualityIssue], {
    description: "Everything the departments could not reconcile on this resident: public security's own, then each department's",
  })
  async dataQualityIssues(@Root() resident: Resident, @Ctx() context: Context): Promise<(Issue | ShownIssue)[]> {
    const published = await context.publishedIssues.load(resident.id);
    const caller = context.trust.caller;
    const shown = published.flatMap(({ issue, views }) => {
      const view = views[audienceOf(caller, issue.department)];
      return view ? [showIssue(issue, view)] : [];
    });
    return [...resident.publicSecurityIssues, ...shown];
  }
}

const withheldBy = (issue: Issue | ShownIssue, detail: IssueDetail): boolean => 'withheld' in issue && issue.withheld.includes(detail);
const forbidden = (issue: Issue, detail: IssueDetail) =>
  new GraphQLError(`${issue.department} does not show the ${detail} of its records to this role`, { extensions: { code: 'FORBIDDEN' } });

/** A detail the publishing department withholds from the caller is refused with `FORBIDDEN` at its own path, as in its section. */
@Resolver(() => DataQualityIssue)
export class PublishedIssueResolver {
  @FieldResolver(() => String)
  storedId(@Root() issue: Issue | ShownIssue): string {
    if (withheldBy(issue, 'storedId')) throw forbidden(issue, 'storedId');
    return issue.storedId;
  }

  @FieldResolver(() => String)
  recordReference(@Root() issue: Issue | ShownIssue): string {
    if (withheldBy(issue, 'recordReference')) throw forbidden(issue, 'recordReference');
    return issue.recordReference;
  }

  @FieldResolver(() => String, { nullable: true })
  nameOnRecord(@Root() issue: Issue | ShownIssue): string | null {
    if (withheldBy(issue, 'nameOnRecord')) throw forbidden(issue, 'nameOnRecord');
    return issue.nameOnRecord;
  }

  @FieldResolver(() => LinkGradeEnum, { nullable: true })
  grade(@Root() issue: Issue | ShownIssue): LinkGrade | null {
    if (withheldBy(issue, 'grade')) throw forbidden(issue, 'grade');
    return issue.grade ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  reason(@Root() issue: Issue | ShownIssue): string | null {
    if (withheldBy(issue, 'reason')) throw forbidden(issue, 'reason');
    return issue.reason ?? null;
  }
}
