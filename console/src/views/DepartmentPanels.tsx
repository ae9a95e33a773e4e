import type { ReactNode } from 'react';
import { errorUnder, type Answer } from '../api/request';
import type { AnswerState } from '../api/useAnswer';
import { Field, Flag, isWithheld, Missing, Panel, QualityIssues, Withheld } from '../components/Panel';
import type {
  CivilAffairsDetailsFragment,
  CivilAffairsFlagsFragment,
  FamilyPlanningDetailsFragment,
  FamilyPlanningFlagsFragment,
  LabourDetailsFragment,
  LabourFlagsFragment,
  QualityIssueFragment,
} from '../generated/operations';
import {
  ALLOWANCE_KIND_LABELS,
  ALLOWANCE_STATUS_LABELS,
  DISABILITY_LABELS,
  EMPLOYMENT_LABELS,
  formatDate,
  formatYuan,
  GENDER_LABELS,
  INSURANCE_LABELS,
  MARRIAGE_LABELS,
} from '../labels';

type Section = 'civilAffairs' | 'familyPlanning' | 'labour';

/** A section's answer as each of its two queries (flags, details) gives it. */
type SectionQuery<S extends Section, T> = { resident?: ({ [K in S]?: T | null } & Record<string, unknown>) | null };

/** What every section's flags carry besides the department's own. */
interface SectionFlags {
  onRecord: boolean;
  dataQualityIssues: readonly QualityIssueFragment[];
}

/** One labelled value; `withheld` when the role may not see it. */
interface FieldRow {
  label: string;
  value: ReactNode;
  withheld?: boolean;
}

/** A titled list of records, with what to say when there are none. */
interface ListBlock {
  heading: string;
  empty?: string;
  items: { key: string; text: string }[];
}

type DetailBlock = { fields: FieldRow[] } | { list: ListBlock };

/** How one department's panel shows its section: the words and the fields, nothing else differs. */
interface SectionDescription<S extends Section, TFlags extends SectionFlags, TDetails> {
  section: S;
  title: string;
  department: string;
  /** The department as a clerk names it, for "… has no record of this person". */
  holder: string;
  /** The front-line flags; `withheld(field)` tells whether the answer refused that detail to the role. */
  flagRows(flags: TFlags, withheld: (field: string) => boolean): FieldRow[];
  /** The case details, for the department's own officers. */
  detailBlocks(details: TDetails): DetailBlock[];
}

/** The notice a section's panel shows instead of data: the department's own error, or the whole resident refused. */
function noticeOf(answer: Answer<SectionQuery<Section, unknown>> | null, section: Section): { code: string | undefined } | null {
  if (!answer) return null;
  const error = errorUnder(answer, ['resident', section]) ?? (answer.data?.resident ? undefined : answer.errors[0]);
  if (error && !answer.data?.resident?.[section]) return { code: error.extensions?.code };
  return null;
}

function Fields({ rows }: { rows: FieldRow[] }) {
  return (
    <dl className="fields">
      {rows.map((row) => (
        <Field key={row.label} label={row.label} withheld={row.withheld}>
          {row.value}
        </Field>
      ))}
    </dl>
  );
}

function List({ block }: { block: ListBlock }) {
  return (
    <>
      <h3>{block.heading}</h3>
      {block.items.length === 0 ? (
        <Missing text={block.empty} />
      ) : (
        <ul>
          {block.items.map((item) => (
            <li key={item.key}>{item.text}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Details only this department's own officers see: other roles are told so, not shown an empty list. */
function DetailsWithheld() {
  return (
    <p className="details-withheld">
      <Withheld text="案件详情仅限本部门工作人员查看（您可见前台标识） · Details withheld for your role" />
    </p>
  );
}

/**
 * One department's section in its own panel: the flags every role with access sees, then
 * the case details for the department's own officers (`details` null for anyone else).
 */
export function SectionPanel<S extends Section, TFlags extends SectionFlags, TDetails>({
  description,
  flags,
  details,
}: {
  description: SectionDescription<S, TFlags, TDetails>;
  flags: AnswerState<SectionQuery<S, TFlags>>;
  details: AnswerState<SectionQuery<S, TDetails>> | null;
}) {
  const { section, department } = description;
  const shown = flags.answer?.data?.resident?.[section];
  const more = details?.answer?.data?.resident?.[section];
  const detailsNotice = details?.answer ? noticeOf(details.answer, section) : null;
  const withheld = (field: string) => isWithheld(flags.answer, ['resident', section, field]);
  return (
    <Panel title={description.title} department={department} loading={flags.loading} notice={noticeOf(flags.answer, section)}>
      {shown && (
        <>
          {!shown.onRecord && <p className="hint">{description.holder}没有此人的记录。</p>}
          <Fields rows={description.flagRows(shown, withheld)} />
          <QualityIssues issues={shown.dataQualityIssues} />
          {details === null ? (
            <DetailsWithheld />
          ) : details.loading ? (
            <p className="loading">正在查询详情…</p>
          ) : more ? (
            <div className="details" data-testid={`${department}-details`}>
              {description
                .detailBlocks(more)
                .map((block, index) => ('fields' in block ? <Fields key={index} rows={block.fields} /> : <List key={index} block={block.list} />))}
            </div>
          ) : (
            detailsNotice && <p className="notice unavailable">{detailsNotice.code}</p>
          )}
        </>
      )}
    </Panel>
  );
}

const since = (day: string) => `自${formatDate(day)}`;

/** The cases' reviews still to be done (待复核); a case the resident stands on twice lists its reviews once. */
function openReviews(cases: CivilAffairsDetailsFragment['allowanceCases']): ListBlock['items'] {
  const open = cases.flatMap(({ caseNumber, reviews }) =>
    reviews
      .filter((review) => review.status === 'PENDING')
      .map((review) => ({
        key: `${caseNumber}-${review.reviewNumber}`,
        text: `${caseNumber} 第${review.reviewNumber}号复核 · ${review.reason} · ${formatDate(review.registeredOn)}登记`,
      })),
  );
  return [...new Map(open.map((item) => [item.key, item])).values()];
}

export const CIVIL_AFFAIRS: SectionDescription<'civilAffairs', CivilAffairsFlagsFragment, CivilAffairsDetailsFragment> = {
  section: 'civilAffairs',
  title: '民政 · Civil affairs',
  department: 'civil-affairs',
  holder: '民政部门',
  flagRows: (flags, withheld) => [
    { label: '低保（在保）', value: <Flag on={flags.receivesMinimumLivingAllowance} label="享受最低生活保障" /> },
    { label: '特困供养', value: <Flag on={flags.extremeHardship} label="特困" /> },
    {
      label: '残疾等级',
      value: flags.disabilityGrade === null ? <Missing text="无残疾人证" /> : `${flags.disabilityGrade}级`,
      withheld: withheld('disabilityGrade'),
    },
  ],
  detailBlocks: (details) => [
    {
      list: {
        heading: '救助案件 Cases',
        empty: '无低保/特困案件',
        items: details.allowanceCases.map((item) => ({
          key: item.caseNumber,
          text: `${ALLOWANCE_KIND_LABELS[item.kind]} ${item.caseNumber} · ${ALLOWANCE_STATUS_LABELS[item.status]} · ${since(item.since)} · ${formatYuan(item.amountPerMonth)}/人·月`,
        })),
      },
    },
    {
      list: {
        heading: '待复核 Reviews pending',
        empty: '无待复核事项',
        items: openReviews(details.allowanceCases),
      },
    },
    {
      fields: [
        {
          label: '残疾人证',
          value:
            details.disability &&
            `${details.disability.certificateNumber} · ${DISABILITY_LABELS[details.disability.category]}${details.disability.grade}级 · ${formatDate(details.disability.issuedOn)}`,
        },
        {
          label: '高龄津贴',
          value: details.elderlyAllowance && `${since(details.elderlyAllowance.since)} · ${formatYuan(details.elderlyAllowance.amountPerMonth)}/月`,
        },
        { label: '优抚', value: details.veteranBenefit && `${details.veteranBenefit.category} · ${since(details.veteranBenefit.since)}` },
        {
          label: '婚姻登记',
          value: details.marriages
            .map((marriage) => `${MARRIAGE_LABELS[marriage.kind]} ${formatDate(marriage.registeredOn)}（${marriage.spouseName}）`)
            .join('；'),
        },
      ],
    },
  ],
};

export const FAMILY_PLANNING: SectionDescription<'familyPlanning', FamilyPlanningFlagsFragment, FamilyPlanningDetailsFragment> = {
  section: 'familyPlanning',
  title: '计生 · Family planning',
  department: 'family-planning',
  holder: '计生部门',
  flagRows: (flags) => [{ label: '育龄妇女', value: <Flag on={flags.childBearingAge} label="育龄妇女" /> }],
  detailBlocks: (details) => [
    {
      fields: [
        { label: '计生登记姓名', value: details.nameOnRecord },
        {
          label: '独生子女证',
          value: details.onlyChildCertificate && `${details.onlyChildCertificate.certificateNumber} · ${formatDate(details.onlyChildCertificate.issuedOn)}`,
        },
        { label: '奖励扶助', value: details.rewardSupport && `${since(details.rewardSupport.since)} · ${formatYuan(details.rewardSupport.amountPerYear)}/年` },
      ],
    },
    {
      list: {
        heading: '子女 Children',
        empty: '无子女记录',
        items: details.children.map((child) => ({
          key: `${child.name}-${child.birthDate}`,
          text: `${child.name} · ${GENDER_LABELS[child.gender]} · ${formatDate(child.birthDate)} · ${child.citizenId ?? '尚未办理身份证'}`,
        })),
      },
    },
    {
      list: {
        heading: '生育登记 Birth registrations',
        items: details.birthRegistrations.map((registration) => ({
          key: registration.registrationNumber,
          text: `${registration.registrationNumber} · ${formatDate(registration.registeredOn)} · 第${registration.childOrder}孩`,
        })),
      },
    },
  ],
};

export const LABOUR: SectionDescription<'labour', LabourFlagsFragment, LabourDetailsFragment> = {
  section: 'labour',
  title: '劳动保障 · Labour',
  department: 'labour',
  holder: '劳动保障部门',
  flagRows: (flags) => [
    { label: '就业状态', value: EMPLOYMENT_LABELS[flags.employmentStatus] },
    { label: '下岗职工', value: <Flag on={flags.laidOff} label="下岗" /> },
    { label: '登记失业', value: <Flag on={flags.registeredUnemployed} label="登记失业" /> },
  ],
  detailBlocks: (details) => [
    {
      fields: [
        { label: '社保卡号', value: details.socialSecurityCardNumber },
        {
          label: '失业登记',
          value:
            details.unemploymentRegistration &&
            `${details.unemploymentRegistration.certificateNumber} · ${formatDate(details.unemploymentRegistration.registeredOn)}`,
        },
      ],
    },
    {
      list: {
        heading: '社会保险 Social insurance',
        empty: '无参保记录',
        items: details.insurance.map((insurance) => ({
          key: insurance.type,
          text: `${INSURANCE_LABELS[insurance.type]}：已缴 ${insurance.paidMonths} 个月 · ${insurance.active ? '正常缴费' : '暂停'}`,
        })),
      },
    },
    {
      list: {
        heading: '职业资格 Skill certificates',
        items: details.skillCertificates.map((certificate) => ({
          key: `${certificate.name}-${certificate.issuedOn}`,
          text: `${certificate.name}（${certificate.level}） · ${formatDate(certificate.issuedOn)}`,
        })),
      },
    },
  ],
};
