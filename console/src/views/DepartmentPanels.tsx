import { errorUnder, type Answer } from '../api/request';
import type { AnswerState } from '../api/useAnswer';
import { Field, Flag, isWithheld, Missing, Panel, QualityIssues, Withheld } from '../components/Panel';
import type {
  ResidentCivilAffairsDetailsQuery,
  ResidentCivilAffairsFlagsQuery,
  ResidentFamilyPlanningDetailsQuery,
  ResidentFamilyPlanningFlagsQuery,
  ResidentLabourDetailsQuery,
  ResidentLabourFlagsQuery,
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

/** The notice a section's panel shows instead of data: the department's own error, or the whole resident refused. */
function noticeOf(answer: Answer<{ resident: Record<string, unknown> | null }> | null, section: Section): { code: string | undefined } | null {
  if (!answer) return null;
  const error = errorUnder(answer, ['resident', section]) ?? (answer.data?.resident ? undefined : answer.errors[0]);
  if (error && !answer.data?.resident?.[section]) return { code: error.extensions?.code };
  return null;
}

/** Details only this department's own officers see: other roles are told so, not shown an empty list. */
function DetailsWithheld() {
  return (
    <p className="details-withheld">
      <Withheld text="案件详情仅限本部门工作人员查看（您可见前台标识） · Details withheld for your role" />
    </p>
  );
}

function detailsNotice(details: AnswerState<unknown> | null, section: Section) {
  if (!details || details.loading || !details.answer) return null;
  const notice = noticeOf(details.answer as Answer<{ resident: Record<string, unknown> | null }>, section);
  return notice ? <p className="notice unavailable">{notice.code}</p> : null;
}

export function CivilAffairsPanel({
  flags,
  details,
}: {
  flags: AnswerState<ResidentCivilAffairsFlagsQuery>;
  details: AnswerState<ResidentCivilAffairsDetailsQuery> | null;
}) {
  const section = flags.answer?.data?.resident?.civilAffairs;
  const more = details?.answer?.data?.resident?.civilAffairs;
  const path = ['resident', 'civilAffairs'];
  return (
    <Panel title="民政 · Civil affairs" department="civil-affairs" loading={flags.loading} notice={noticeOf(flags.answer, 'civilAffairs')}>
      {section && (
        <>
          {!section.onRecord && <p className="hint">民政部门没有此人的记录。</p>}
          <dl className="fields">
            <Field label="低保（在保）">
              <Flag on={section.receivesMinimumLivingAllowance} label="享受最低生活保障" />
            </Field>
            <Field label="特困供养">
              <Flag on={section.extremeHardship} label="特困" />
            </Field>
            <Field label="残疾等级" withheld={isWithheld(flags.answer, [...path, 'disabilityGrade'])}>
              {section.disabilityGrade === null ? <Missing text="无残疾人证" /> : `${section.disabilityGrade}级`}
            </Field>
          </dl>
          <QualityIssues issues={section.dataQualityIssues} />
          {details === null ? (
            <DetailsWithheld />
          ) : details.loading ? (
            <p className="loading">正在查询详情…</p>
          ) : more ? (
            <div className="details" data-testid="civil-affairs-details">
              <h3>救助案件 Cases</h3>
              {more.allowanceCases.length === 0 ? (
                <Missing text="无低保/特困案件" />
              ) : (
                <ul>
                  {more.allowanceCases.map((item) => (
                    <li key={item.caseNumber}>
                      {ALLOWANCE_KIND_LABELS[item.kind]} {item.caseNumber} · {ALLOWANCE_STATUS_LABELS[item.status]} · 自{formatDate(item.since)} ·{' '}
                      {formatYuan(item.amountPerMonth)}/人·月
                    </li>
                  ))}
                </ul>
              )}
              <dl className="fields">
                <Field label="残疾人证">
                  {more.disability
                    ? `${more.disability.certificateNumber} · ${DISABILITY_LABELS[more.disability.category]}${more.disability.grade}级 · ${formatDate(more.disability.issuedOn)}`
                    : null}
                </Field>
                <Field label="高龄津贴">
                  {more.elderlyAllowance ? `自${formatDate(more.elderlyAllowance.since)} · ${formatYuan(more.elderlyAllowance.amountPerMonth)}/月` : null}
                </Field>
                <Field label="优抚">{more.veteranBenefit ? `${more.veteranBenefit.category} · 自${formatDate(more.veteranBenefit.since)}` : null}</Field>
                <Field label="婚姻登记">
                  {more.marriages.length > 0
                    ? more.marriages
                        .map((marriage) => `${MARRIAGE_LABELS[marriage.kind]} ${formatDate(marriage.registeredOn)}（${marriage.spouseName}）`)
                        .join('；')
                    : null}
                </Field>
              </dl>
            </div>
          ) : (
            detailsNotice(details, 'civilAffairs')
          )}
        </>
      )}
    </Panel>
  );
}

export function FamilyPlanningPanel({
  flags,
  details,
}: {
  flags: AnswerState<ResidentFamilyPlanningFlagsQuery>;
  details: AnswerState<ResidentFamilyPlanningDetailsQuery> | null;
}) {
  const section = flags.answer?.data?.resident?.familyPlanning;
  const more = details?.answer?.data?.resident?.familyPlanning;
  return (
    <Panel title="计生 · Family planning" department="family-planning" loading={flags.loading} notice={noticeOf(flags.answer, 'familyPlanning')}>
      {section && (
        <>
          {!section.onRecord && <p className="hint">计生部门没有此人的记录。</p>}
          <dl className="fields">
            <Field label="育龄妇女">
              <Flag on={section.childBearingAge} label="育龄妇女" />
            </Field>
          </dl>
          <QualityIssues issues={section.dataQualityIssues} />
          {details === null ? (
            <DetailsWithheld />
          ) : details.loading ? (
            <p className="loading">正在查询详情…</p>
          ) : more ? (
            <div className="details" data-testid="family-planning-details">
              <dl className="fields">
                <Field label="计生登记姓名">{more.nameOnRecord}</Field>
                <Field label="独生子女证">
                  {more.onlyChildCertificate ? `${more.onlyChildCertificate.certificateNumber} · ${formatDate(more.onlyChildCertificate.issuedOn)}` : null}
                </Field>
                <Field label="奖励扶助">
                  {more.rewardSupport ? `自${formatDate(more.rewardSupport.since)} · ${formatYuan(more.rewardSupport.amountPerYear)}/年` : null}
                </Field>
              </dl>
              <h3>子女 Children</h3>
              {more.children.length === 0 ? (
                <Missing text="无子女记录" />
              ) : (
                <ul>
                  {more.children.map((child) => (
                    <li key={`${child.name}-${child.birthDate}`}>
                      {child.name} · {GENDER_LABELS[child.gender]} · {formatDate(child.birthDate)} · {child.citizenId ?? '尚未办理身份证'}
                    </li>
                  ))}
                </ul>
              )}
              <h3>生育登记 Birth registrations</h3>
              {more.birthRegistrations.length === 0 ? (
                <Missing />
              ) : (
                <ul>
                  {more.birthRegistrations.map((registration) => (
                    <li key={registration.registrationNumber}>
                      {registration.registrationNumber} · {formatDate(registration.registeredOn)} · 第{registration.childOrder}孩
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ) : (
            detailsNotice(details, 'familyPlanning')
          )}
        </>
      )}
    </Panel>
  );
}

export function LabourPanel({ flags, details }: { flags: AnswerState<ResidentLabourFlagsQuery>; details: AnswerState<ResidentLabourDetailsQuery> | null }) {
  const section = flags.answer?.data?.resident?.labour;
  const more = details?.answer?.data?.resident?.labour;
  return (
    <Panel title="劳动保障 · Labour" department="labour" loading={flags.loading} notice={noticeOf(flags.answer, 'labour')}>
      {section && (
        <>
          {!section.onRecord && <p className="hint">劳动保障部门没有此人的记录。</p>}
          <dl className="fields">
            <Field label="就业状态">{EMPLOYMENT_LABELS[section.employmentStatus]}</Field>
            <Field label="下岗职工">
              <Flag on={section.laidOff} label="下岗" />
            </Field>
            <Field label="登记失业">
              <Flag on={section.registeredUnemployed} label="登记失业" />
            </Field>
          </dl>
          <QualityIssues issues={section.dataQualityIssues} />
          {details === null ? (
            <DetailsWithheld />
          ) : details.loading ? (
            <p className="loading">正在查询详情…</p>
          ) : more ? (
            <div className="details" data-testid="labour-details">
              <dl className="fields">
                <Field label="社保卡号">{more.socialSecurityCardNumber}</Field>
                <Field label="失业登记">
                  {more.unemploymentRegistration
                    ? `${more.unemploymentRegistration.certificateNumber} · ${formatDate(more.unemploymentRegistration.registeredOn)}`
                    : null}
                </Field>
              </dl>
              <h3>社会保险 Social insurance</h3>
              {more.insurance.length === 0 ? (
                <Missing text="无参保记录" />
              ) : (
                <ul>
                  {more.insurance.map((insurance) => (
                    <li key={insurance.type}>
                      {INSURANCE_LABELS[insurance.type]}：已缴 {insurance.paidMonths} 个月 · {insurance.active ? '正常缴费' : '暂停'}
                    </li>
                  ))}
                </ul>
              )}
              <h3>职业资格 Skill certificates</h3>
              {more.skillCertificates.length === 0 ? (
                <Missing />
              ) : (
                <ul>
                  {more.skillCertificates.map((certificate) => (
                    <li key={`${certificate.name}-${certificate.issuedOn}`}>
                      {certificate.name}（{certificate.level}） · {formatDate(certificate.issuedOn)}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ) : (
            detailsNotice(details, 'labour')
          )}
        </>
      )}
    </Panel>
  );
}
