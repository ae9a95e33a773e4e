import { useEffect, useRef, useState } from 'react';
import { errorAt, type Credentials } from '../api/request';
import { useAnswer } from '../api/useAnswer';
import { purposeText } from '../components/PurposeBar';
import { Field, Missing, Panel, QualityIssues, Withheld } from '../components/Panel';
import {
  ResidentCivilAffairsDetailsDocument,
  ResidentCivilAffairsFlagsDocument,
  ResidentFamilyPlanningDetailsDocument,
  ResidentFamilyPlanningFlagsDocument,
  ResidentGridDocument,
  ResidentIdentityDocument,
  ResidentLabourDetailsDocument,
  ResidentLabourFlagsDocument,
} from '../generated/operations';
import { CATEGORY_LABELS, errorNotice, formatDate, GENDER_LABELS, MARITAL_LABELS, POPULATION_LABELS, RELATION_LABELS } from '../labels';
import type { Purpose, Session } from '../session';
import type { OpenRequest } from './FindResident';
import { CIVIL_AFFAIRS, FAMILY_PLANNING, LABOUR, SectionPanel } from './DepartmentPanels';
import { ReportChangeForm, reportableKinds } from './ReportChangeForm';

/**
 * A resident's record: identity and household, where they live, and one panel per department,
 * each asked by its own query so a slow or stopped department holds back only its own panel.
 */
export function ResidentRecord({
  request: open,
  session,
  purpose,
  onOpen,
  onClose,
}: {
  request: OpenRequest;
  session: Session;
  purpose: Purpose;
  onOpen: (open: OpenRequest) => void;
  onClose: () => void;
}) {
  const credentials: Credentials = { token: session.token, purpose };
  const variables = { id: open.id };
  const own = session.role === 'department-officer' ? session.department : null;
  const identity = useAnswer(ResidentIdentityDocument, variables, credentials);
  const grid = useAnswer(ResidentGridDocument, variables, credentials);
  const civilAffairs = useAnswer(ResidentCivilAffairsFlagsDocument, variables, credentials);
  const civilAffairsDetails = useAnswer(ResidentCivilAffairsDetailsDocument, own === 'civil-affairs' ? variables : null, credentials);
  const familyPlanning = useAnswer(ResidentFamilyPlanningFlagsDocument, variables, credentials);
  const familyPlanningDetails = useAnswer(ResidentFamilyPlanningDetailsDocument, own === 'family-planning' ? variables : null, credentials);
  const labour = useAnswer(ResidentLabourFlagsDocument, variables, credentials);
  const labourDetails = useAnswer(ResidentLabourDetailsDocument, own === 'labour' ? variables : null, credentials);

  // How long the record took to open, every panel answered: measured here, shown, and read by the browser test.
  const started = useRef(performance.now());
  const [openMs, setOpenMs] = useState<number | null>(null);
  const all = [identity, grid, civilAffairs, civilAffairsDetails, familyPlanning, familyPlanningDetails, labour, labourDetails];
  const settled = all.every((state) => !state.loading);
  useEffect(() => {
    if (settled && openMs === null) setOpenMs(Math.round(performance.now() - started.current));
  }, [settled, openMs]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const resident = identity.answer?.data?.resident;
  const identityError =
    identity.answer?.errors.find((error) => error.path?.length === 1) ?? (identity.answer && !resident ? identity.answer.errors[0] : undefined);
  const household = resident?.household;
  const kinds = resident ? reportableKinds(session, resident.gender) : [];

  return (
    <article className="record" aria-labelledby="record-title" data-open-ms={openMs ?? undefined} data-resident={open.id}>
      <div className="record-head">
        <button type="button" className="secondary" onClick={onClose}>
          ← 返回 Back
        </button>
        <h1 id="record-title" ref={heading} tabIndex={-1}>
          {resident ? resident.name : identity.loading ? '正在打开档案…' : '居民档案'} <span className="mono id">{open.id}</span>
        </h1>
        {open.typed15 && (
          <p className="converted" role="note">
            输入的15位旧号码 <span className="mono">{open.typed15}</span> 已转换为18位 <span className="mono">{open.id}</span>
          </p>
        )}
        <p className="purpose-shown" data-testid="record-purpose">
          查询用途：{purposeText(purpose)}
          {openMs !== null && <span className="timing"> · 加载用时 {openMs} ms</span>}
        </p>
      </div>

      {identityError && !resident && !identity.loading ? (
        <p className="notice refused" role="alert" data-code={identityError.extensions?.code}>
          {errorNotice(identityError.extensions?.code)}
        </p>
      ) : identity.answer && !resident && !identity.loading ? (
        <p className="notice" role="alert">
          公安部门没有此人的户籍或流动人口记录。 (Public security holds no such person.)
        </p>
      ) : (
        <div className="panels">
          <Panel
            title="身份与户籍 · 公安"
            department="public-security"
            loading={identity.loading}
            notice={identityError ? { code: identityError.extensions?.code } : null}
          >
            {resident && (
              <dl className="fields">
                <Field label="姓名">{resident.name}</Field>
                <Field label="性别">{GENDER_LABELS[resident.gender]}</Field>
                <Field label="出生日期">{formatDate(resident.birthDate)}</Field>
                <Field label="民族">
                  {resident.ethnicity.name} ({resident.ethnicity.code})
                </Field>
                <Field label="婚姻状况">{MARITAL_LABELS[resident.maritalStatus]}</Field>
                <Field label="人口类型">{POPULATION_LABELS[resident.populationType]}</Field>
                <Field label="户籍地址">{resident.registeredAddress}</Field>
                {resident.residencePermit && (
                  <Field label="居住证">
                    {resident.residencePermit.number}（{formatDate(resident.residencePermit.issuedOn)}至{formatDate(resident.residencePermit.expiresOn)}）
                  </Field>
                )}
                <Field label="与户主关系">{resident.relationToHead ? RELATION_LABELS[resident.relationToHead] : null}</Field>
              </dl>
            )}
            {resident && (
              <div className="household">
                <h3>户 Household {household ? <span className="mono">{household.id}</span> : null}</h3>
                {errorAt(identity.answer, ['resident', 'household']) ? (
                  <Withheld />
                ) : household ? (
                  <ul>
                    {household.members.map((member) => (
                      <li key={member.resident.id}>
                        {member.resident.id === open.id ? (
                          <strong>{member.resident.name}（本人）</strong>
                        ) : (
                          <button type="button" className="link" onClick={() => onOpen({ id: member.resident.id })}>
                            {member.resident.name}
                          </button>
                        )}{' '}
                        {RELATION_LABELS[member.relationToHead]} · {GENDER_LABELS[member.resident.gender]} · {formatDate(member.resident.birthDate)}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Missing text="无户籍户（流动人口）" />
                )}
              </div>
            )}
          </Panel>
          <Panel
            title="居住地与网格 · 网格"
            department="grid"
            loading={grid.loading}
            notice={grid.answer && !grid.answer.data?.resident ? { code: grid.answer.errors[0]?.extensions?.code } : null}
          >
            {grid.answer?.data?.resident && (
              <>
                <dl className="fields">
                  <Field label="实际居住地址">{grid.answer.data.resident.address}</Field>
                  <Field label="网格">
                    {grid.answer.data.resident.grid ? `${grid.answer.data.resident.grid.name}（${grid.answer.data.resident.grid.id}）` : null}
                  </Field>
                  <Field label="社区">{grid.answer.data.resident.grid?.community.name}</Field>
                  <Field label="网格员">{grid.answer.data.resident.grid?.gridWorkers.map((worker) => worker.name).join('、')}</Field>
                  <Field label="网格分类">
                    {grid.answer.data.resident.categories?.length ? (
                      <span className="chips">
                        {grid.answer.data.resident.categories.map((category) => (
                          <span key={category} className="chip">
                            {CATEGORY_LABELS[category]}
                          </span>
                        ))}
                      </span>
                    ) : null}
                  </Field>
                </dl>
                <QualityIssues issues={grid.answer.data.resident.gridDataQualityIssues} />
              </>
            )}
          </Panel>
          <SectionPanel description={CIVIL_AFFAIRS} flags={civilAffairs} details={own === 'civil-affairs' ? civilAffairsDetails : null} />
          <SectionPanel description={FAMILY_PLANNING} flags={familyPlanning} details={own === 'family-planning' ? familyPlanningDetails : null} />
          <SectionPanel description={LABOUR} flags={labour} details={own === 'labour' ? labourDetails : null} />
        </div>
      )}
      {resident && kinds.length > 0 && <ReportChangeForm residentId={open.id} kinds={kinds} credentials={credentials} />}
    </article>
  );
}
