import { Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import type { DepartmentLookup } from '@resident-graph/adapter-kit';
import type { DepartmentId } from '@resident-graph/schemas';
import { asSeenBy, type IssueViews } from '../dataQuality/issueViews';
import { toGraphQLError } from '../departmentErrors';
import { audienceOf, type PolicedContext } from '../policy';
import type { ResidentEntity, ResidentEntityType } from './ResidentEntity';
import type { SectionContext } from './SectionContext';

export interface SectionField<TRecord, TSection extends object> {
  /** `Resident.<field>`, e.g. `labour`. */
  field: string;
  /** The section's type-graphql class. */
  section: ClassType<TSection>;
  /** The published description of `Resident.<field>`: what a `null` section means. */
  description: string;
  /** From what the adapter holds on a resident (or that it holds nothing) to their section. */
  toSection(lookup: DepartmentLookup<TRecord>): TSection;
}

/**
 * The one resolver of a section subgraph: `Resident.<field>`, from the department's lookup
 * of the resident (batched per operation). A department that cannot be asked answers the
 * section with `null` and its error code; the policy checks the section against the
 * resident's placement in the grid database's jurisdiction index.
 */
export function createSectionResolver<TRecord, TSection extends object>(
  Resident: ResidentEntityType,
  declared: SectionField<TRecord, TSection>,
  issues: { department: DepartmentId; views: IssueViews },
): ClassType {
  @Resolver(() => Resident)
  class SectionResolver {
    @FieldResolver(() => declared.section, { name: declared.field, nullable: true, description: declared.description })
    async section(@Root() resident: ResidentEntity, @Ctx() context: SectionContext<TRecord> & PolicedContext): Promise<TSection> {
      let lookup: DepartmentLookup<TRecord>;
      try {
        lookup = await context.lookups.load(resident.id);
      } catch (error) {
        throw toGraphQLError(error);
      }
      // The section's issues as its department publishes them to this caller's audience (issueViewsOf).
      const reviewsLinks = issues.views[audienceOf(context.trust.caller, issues.department)]?.reviewsLinks === true;
      return declared.toSection({ ...lookup, issues: lookup.issues.map((issue) => asSeenBy(issue, reviewsLinks)) });
    }
  }
  return SectionResolver;
}
