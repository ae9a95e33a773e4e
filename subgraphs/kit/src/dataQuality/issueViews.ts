import { maskCitizenId, type DataQualityIssue } from '@resident-graph/schemas';
import { AUDIENCES, type Audience, type PolicyTable } from '../policy/Policy';
import { recordLinkMutationNames } from '../section/recordLinkMutationNames';

/** The fields of an issue a department may show, mask or withhold per audience; its department and kind go with the issue. */
export const ISSUE_DETAILS = ['storedId', 'recordReference', 'nameOnRecord', 'grade', 'reason'] as const;
export type IssueDetail = (typeof ISSUE_DETAILS)[number];

export type DetailAccess = 'allow' | 'mask' | 'deny';
/** `reviewsLinks`: the audience may confirm or reject the department's links, and so sees the matcher's candidates as such. */
export type IssueView = Record<IssueDetail, DetailAccess> & { reviewsLinks?: true };

/** What each audience sees of a department's issues; an audience left out sees none of them. */
export type IssueViews = Partial<Record<Audience, IssueView>>;

/** An issue as one caller may see it: details masked where the department masks them, and the withheld ones named. */
export type ShownIssue = DataQualityIssue & { withheld: readonly IssueDetail[] };

export interface SectionOfPolicy {
  /** `Resident.<field>`, e.g. `civilAffairs`. */
  field: string;
  /** The section's type, e.g. `CivilAffairsSection`. */
  sectionType: string;
}

const DENY = 'deny';

/**
 * A department's own policy table, read for its data-quality issues: an audience sees them
 * only where the table lets it read the section, the section's `dataQualityIssues` and an
 * issue's department and kind (jurisdiction is checked where they are served, against the
 * same index); each detail as the `DataQualityIssue` row says. Anything unlisted is denied,
 * as everywhere.
 */
export function issueViewsOf(table: PolicyTable, section: SectionOfPolicy): IssueViews {
  const accessOf = (type: string, field: string, audience: Audience) => table[type]?.[field]?.[audience] ?? DENY;
  const views: IssueViews = {};
  for (const audience of AUDIENCES) {
    const gates: [string, string][] = [
      ['Resident', section.field],
      [section.sectionType, 'dataQualityIssues'],
      ['DataQualityIssue', 'department'],
      ['DataQualityIssue', 'kind'],
    ];
    if (gates.some(([type, field]) => accessOf(type, field, audience) === DENY)) continue;
    const view: IssueView = Object.fromEntries(
      ISSUE_DETAILS.map((detail) => {
        const access = accessOf('DataQualityIssue', detail, audience);
        return [detail, access === 'mask' || access === DENY ? access : 'allow'];
      }),
    ) as Record<IssueDetail, DetailAccess>;
    if (accessOf('Mutation', recordLinkMutationNames(section.field).confirm, audience) !== DENY) view.reviewsLinks = true;
    views[audience] = view;
  }
  return views;
}

/**
 * A record waiting for review (`UNRESOLVED_RECORD`) as an audience that cannot act on it
 * sees it: a record under an ID that names no one and could be this resident's
 * (`INVALID_CITIZEN_ID`), without the matcher's grade and reason, which are for the
 * department's reviewers.
 */
export function asSeenBy(issue: DataQualityIssue, reviewsLinks: boolean): DataQualityIssue {
  if (reviewsLinks || issue.kind !== 'UNRESOLVED_RECORD') return issue;
  const { grade: _grade, reason: _reason, ...rest } = issue;
  return { ...rest, kind: 'INVALID_CITIZEN_ID' };
}

/**
 * `issue` as `view` shows it (`asSeenBy` the view's audience): masked details masked, withheld ones emptied and named in
 * `withheld` (a detail the issue does not have, such as the grade of an invalid ID, is not withheld).
 */
export function showIssue(published: DataQualityIssue, view: IssueView): ShownIssue {
  const issue = asSeenBy(published, view.reviewsLinks === true);
  const hidden = (name: IssueDetail) => view[name] === DENY && issue[name] !== undefined && issue[name] !== null;
  const detail = <T extends string | null>(name: IssueDetail, value: T, withheld: T): T => {
    if (hidden(name)) return withheld;
    return view[name] === 'mask' && value !== null ? (maskCitizenId(value) as T) : value;
  };
  const shown: ShownIssue = {
    ...issue,
    storedId: detail('storedId', issue.storedId, ''),
    recordReference: detail('recordReference', issue.recordReference, ''),
    nameOnRecord: detail<string | null>('nameOnRecord', issue.nameOnRecord, null),
    withheld: ISSUE_DETAILS.filter(hidden),
  };
  if (hidden('grade')) delete shown.grade;
  if (hidden('reason')) delete shown.reason;
  return shown;
}
