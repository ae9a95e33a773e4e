import { useEffect, useId, useState, type FormEvent } from 'react';
import { CHANGE_RULES, normalizeCitizenId } from '@resident-graph/schemas';
import { request, type Credentials, type GraphQLError } from '../api/request';
import { Deliveries } from '../components/Deliveries';
import {
  ChangeReportStatusDocument,
  ReportChangeDocument,
  type ChangeKind,
  type ChangeReportInput,
  type EmploymentStatus,
  type Gender,
  type ReportChangeMutation,
} from '../generated/operations';
import { CHANGE_KIND_LABELS, EMPLOYMENT_LABELS, errorNotice, GENDER_LABELS } from '../labels';
import type { Session } from '../session';

type Report = ReportChangeMutation['reportChange'];

// A record opens only for someone the street already places, for whom the service refuses a
// move in (it asks for an address change): that kind is reported from no record.
const KINDS = (Object.keys(CHANGE_KIND_LABELS) as ChangeKind[]).filter((kind) => kind !== 'MOVE_IN');
const STATUSES: EmploymentStatus[] = ['EMPLOYED', 'REGISTERED_UNEMPLOYED', 'LAID_OFF', 'RETIRED', 'NOT_IN_LABOUR_FORCE'];
const CHILD_GENDERS: Gender[] = ['FEMALE', 'MALE'];
/** The departments answer within seconds; after this many reads the clerk refreshes by hand. */
const POLLS = 20;
const POLL_MS = 1500;

/** The roles that may report, and the kinds each may: an officer only those their department acts on. */
export function reportableKinds(session: Session, residentGender: Gender): ChangeKind[] {
  if (session.role !== 'grid-worker' && session.role !== 'window-clerk' && session.role !== 'department-officer') return [];
  return KINDS.filter(
    (kind) =>
      (kind !== 'BIRTH' || residentGender === 'FEMALE') &&
      (session.role !== 'department-officer' || CHANGE_RULES[kind].some((duty) => duty.department === session.department)),
  );
}

/** Today in China Standard Time, the day the changes service checks a date against. */
function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** A refusal of a report in a reporter's words; the record's notices speak of queries. */
function refusalNotice(code: string | undefined): string {
  return code === 'BAD_USER_INPUT' ? '报告未被受理：内容有误或与部门记录不符。 (Report refused)' : errorNotice(code);
}

const decided = (report: Report) => report.deliveries.every((delivery) => delivery.state === 'ACCEPTED' || delivery.state === 'REJECTED');

/**
 * 报告变更: a change about the resident on screen, reported once for every department that
 * must act on it, under the purpose chosen for the record. A refusal keeps what was typed.
 */
export function ReportChangeForm({ residentId, kinds, credentials }: { residentId: string; kinds: ChangeKind[]; credentials: Credentials }) {
  const ids = useId();
  const [kind, setKind] = useState<ChangeKind>(kinds[0]!);
  const [occurredOn, setOccurredOn] = useState(todayInShanghai);
  const [gridId, setGridId] = useState('');
  const [address, setAddress] = useState('');
  const [toAddress, setToAddress] = useState('');
  const [childName, setChildName] = useState('');
  const [childGender, setChildGender] = useState<Gender>('FEMALE');
  const [spouseId, setSpouseId] = useState('');
  const [status, setStatus] = useState<EmploymentStatus>('REGISTERED_UNEMPLOYED');
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<GraphQLError | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [polls, setPolls] = useState(0);

  const spouse = normalizeCitizenId(spouseId);
  const needsMove = kind === 'ADDRESS_CHANGE';
  const needsSpouse = kind === 'MARRIAGE' || kind === 'DIVORCE';
  const complete =
    occurredOn !== '' &&
    (!needsMove || (gridId.trim() !== '' && address.trim() !== '')) &&
    (kind !== 'MOVE_OUT' || toAddress.trim() !== '') &&
    (kind !== 'BIRTH' || childName.trim() !== '') &&
    (!needsSpouse || spouse.ok);

  function input(): ChangeReportInput {
    const base = { kind, occurredOn, residentId: kind === 'BIRTH' ? null : residentId };
    if (needsMove) return { ...base, move: { gridId: gridId.trim(), address: address.trim() } };
    if (kind === 'MOVE_OUT') return { ...base, moveOut: { toAddress: toAddress.trim() } };
    if (kind === 'BIRTH') return { ...base, birth: { motherId: residentId, childName: childName.trim(), childGender } };
    if (needsSpouse && spouse.ok) return { ...base, spouse: { spouseId: spouse.id } };
    if (kind === 'EMPLOYMENT_CHANGE') return { ...base, employment: { status } };
    return base;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!complete) return;
    setSending(true);
    setRefusal(null);
    setReport(null);
    const answer = await request(ReportChangeDocument, { input: input() }, credentials);
    setSending(false);
    if (answer.data?.reportChange) {
      setReport(answer.data.reportChange);
      setPolls(0);
    } else {
      setRefusal(answer.errors[0] ?? { message: 'no answer', extensions: { code: 'BAD_RESPONSE' } });
    }
  }

  // Follows the report until every department has decided, a few reads apart.
  const reportId = report?.id ?? null;
  const settled = report !== null && decided(report);
  useEffect(() => {
    if (reportId === null || settled || polls >= POLLS) return;
    const timer = setTimeout(() => {
      void request(ChangeReportStatusDocument, { id: reportId }, credentials).then((answer) => {
        const read = answer.data?.changeReport;
        if (read) setReport((current) => (current && current.id === read.id ? { ...current, deliveries: read.deliveries } : current));
        setPolls((count) => count + 1);
      });
    }, POLL_MS);
    return () => clearTimeout(timer);
    // The credentials object is rebuilt on every render; the report and the count of reads drive the polling.
  }, [reportId, settled, polls]);

  return (
    <section className="card report-change" aria-labelledby={`${ids}-title`} data-testid="report-change">
      <h2 id={`${ids}-title`}>报告变更 Report a change</h2>
      <form onSubmit={(event) => void submit(event)} className="change-form">
        <label htmlFor={`${ids}-kind`}>变更类型 Kind</label>
        <select id={`${ids}-kind`} value={kind} onChange={(event) => setKind(event.target.value as ChangeKind)}>
          {kinds.map((option) => (
            <option key={option} value={option}>
              {CHANGE_KIND_LABELS[option]}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-date`}>发生日期 Date</label>
        <input id={`${ids}-date`} type="date" value={occurredOn} onChange={(event) => setOccurredOn(event.target.value)} aria-required="true" />
        {needsMove && (
          <>
            <label htmlFor={`${ids}-grid`}>新网格 Grid</label>
            <input id={`${ids}-grid`} value={gridId} onChange={(event) => setGridId(event.target.value)} placeholder="G001" autoComplete="off" />
            <label htmlFor={`${ids}-address`}>新地址 Address</label>
            <input id={`${ids}-address`} value={address} onChange={(event) => setAddress(event.target.value)} autoComplete="off" />
          </>
        )}
        {kind === 'MOVE_OUT' && (
          <>
            <label htmlFor={`${ids}-to`}>迁往地址 Destination</label>
            <input id={`${ids}-to`} value={toAddress} onChange={(event) => setToAddress(event.target.value)} autoComplete="off" />
          </>
        )}
        {kind === 'BIRTH' && (
          <>
            <p className="hint">本居民为母亲 The resident is the mother.</p>
            <label htmlFor={`${ids}-child`}>新生儿姓名 Child&apos;s name</label>
            <input id={`${ids}-child`} value={childName} onChange={(event) => setChildName(event.target.value)} autoComplete="off" />
            <label htmlFor={`${ids}-child-gender`}>新生儿性别 Child&apos;s gender</label>
            <select id={`${ids}-child-gender`} value={childGender} onChange={(event) => setChildGender(event.target.value as Gender)}>
              {CHILD_GENDERS.map((gender) => (
                <option key={gender} value={gender}>
                  {GENDER_LABELS[gender]}
                </option>
              ))}
            </select>
          </>
        )}
        {needsSpouse && (
          <>
            <label htmlFor={`${ids}-spouse`}>配偶身份证号 Spouse&apos;s citizen ID</label>
            <input
              id={`${ids}-spouse`}
              value={spouseId}
              onChange={(event) => setSpouseId(event.target.value)}
              autoComplete="off"
              aria-invalid={spouseId.trim() !== '' && !spouse.ok}
              aria-describedby={`${ids}-spouse-status`}
            />
            <span id={`${ids}-spouse-status`} className={spouse.ok ? 'field-status ok' : 'field-status'} aria-live="polite">
              {spouseId.trim() === '' ? '' : spouse.ok ? (spouse.converted ? `已转换为 ${spouse.id}` : '校验位正确 ✓') : '号码无效'}
            </span>
          </>
        )}
        {kind === 'EMPLOYMENT_CHANGE' && (
          <>
            <label htmlFor={`${ids}-status`}>就业状态 Status</label>
            <select id={`${ids}-status`} value={status} onChange={(event) => setStatus(event.target.value as EmploymentStatus)}>
              {STATUSES.map((option) => (
                <option key={option} value={option}>
                  {EMPLOYMENT_LABELS[option]} ({option})
                </option>
              ))}
            </select>
          </>
        )}
        <button type="submit" disabled={!complete || sending}>
          {sending ? '正在提交… Sending…' : '提交报告 Report'}
        </button>
      </form>
      {refusal && (
        <p className="notice refused" role="alert" data-testid="report-refused" data-code={refusal.extensions?.code}>
          {refusalNotice(refusal.extensions?.code)}
          <br />
          <span className="mono">{refusal.extensions?.code}</span>: {refusal.message}
        </p>
      )}
      {report && (
        <div className="report-status" data-testid="report-status" data-report={report.id} data-settled={settled}>
          <p role="status">
            已报告 {CHANGE_KIND_LABELS[report.kind]}（编号 <span className="mono">{report.id}</span>）：
            {settled
              ? '各部门均已办理。 Every department has decided.'
              : polls >= POLLS
                ? '部分部门尚未办理，请稍后刷新。 Some departments have not decided yet.'
                : '正在跟踪各部门办理情况… Following the departments…'}
          </p>
          <Deliveries deliveries={report.deliveries} caption="各部门办理情况 Deliveries" />
          {!settled && polls >= POLLS && (
            <button type="button" className="secondary" onClick={() => setPolls(POLLS - 1)}>
              刷新 Refresh
            </button>
          )}
        </div>
      )}
    </section>
  );
}
