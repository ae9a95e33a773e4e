import { useEffect, useId, useState } from 'react';
import { request, type Credentials } from '../api/request';
import { Deliveries, Light } from '../components/Deliveries';
import { ChangeReportsDocument, type ChangeReportsQuery, type DeadlineLight, type Department } from '../generated/operations';
import { CHANGE_KIND_LABELS, DEPARTMENT_LABELS, errorMessage, formatDate, formatDateTime, LIGHT_LABELS } from '../labels';

type Report = ChangeReportsQuery['changeReports']['nodes'][number];

const PAGE_SIZE = 20;
const DEPARTMENTS = Object.keys(DEPARTMENT_LABELS) as Department[];
const LIGHTS: DeadlineLight[] = ['RED', 'YELLOW', 'GREEN'];
const RANK: Record<DeadlineLight, number> = { RED: 0, YELLOW: 1, GREEN: 2 };

/** The report's worst light among the deliveries the filter is about, as the server ranks it. */
function worstLight(report: Report, department: Department | null): DeadlineLight {
  const deliveries = report.deliveries.filter((delivery) => department === null || delivery.department === department);
  return deliveries.reduce<DeadlineLight>((worst, delivery) => (RANK[delivery.light] < RANK[worst] ? delivery.light : worst), 'GREEN');
}

/**
 * 督办: the supervisors' list of reported changes, red first, narrowed by department and
 * light, each with every department's deadline, light and reason. Whom a report is about is
 * not shown: supervisors watch the time limits, not the people.
 */
export function SupervisionView({ credentials }: { credentials: Credentials }) {
  const ids = useId();
  const [department, setDepartment] = useState<Department | null>(null);
  const [light, setLight] = useState<DeadlineLight | null>(null);
  const [reports, setReports] = useState<Report[] | null>(null);
  const [totalCount, setTotalCount] = useState(0);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  async function load(after: string | null) {
    setLoading(true);
    setError(null);
    const answer = await request(ChangeReportsDocument, { filter: { department, light }, first: PAGE_SIZE, after }, credentials);
    setLoading(false);
    const page = answer.data?.changeReports;
    if (!page) return setError(errorMessage(answer.errors[0]));
    setReports((previous) => [...(after ? (previous ?? []) : []), ...page.nodes]);
    setTotalCount(page.totalCount);
    setNext(page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null);
  }
  // Asked again from the first page whenever the filter changes (the auditor's token does not change while the view is open).
  useEffect(() => {
    void load(null);
  }, [department, light]);

  return (
    <section className="supervision" aria-labelledby={`${ids}-title`}>
      <h1 id={`${ids}-title`}>督办 Supervision</h1>
      <div className="card toolbar">
        <label htmlFor={`${ids}-department`}>部门 Department</label>
        <select
          id={`${ids}-department`}
          value={department ?? ''}
          onChange={(event) => setDepartment(event.target.value ? (event.target.value as Department) : null)}
        >
          <option value="">全部部门 All</option>
          {DEPARTMENTS.map((option) => (
            <option key={option} value={option}>
              {DEPARTMENT_LABELS[option]}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-light`}>督办灯 Light</label>
        <select id={`${ids}-light`} value={light ?? ''} onChange={(event) => setLight(event.target.value ? (event.target.value as DeadlineLight) : null)}>
          <option value="">全部 All</option>
          {LIGHTS.map((option) => (
            <option key={option} value={option}>
              {LIGHT_LABELS[option]}
            </option>
          ))}
        </select>
        <p className="hint">红灯在前，同灯按最早时限排列。 Red first, then by the earliest deadline.</p>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {loading && <p className="loading">正在查询… Loading…</p>}
      {reports && (
        <>
          <p role="status" data-testid="supervision-count">
            共 {totalCount} 份报告，已显示 {reports.length} 份 · {totalCount} reports, {reports.length} shown
          </p>
          <ol className="change-reports" data-testid="change-reports">
            {reports.map((report) => (
              <li key={report.id} className="card" data-report={report.id} data-light={worstLight(report, department)}>
                <h2>
                  <Light light={worstLight(report, department)} /> {CHANGE_KIND_LABELS[report.kind]}
                </h2>
                <p className="hint">
                  发生于 {formatDate(report.occurredOn)} · 报告于 {formatDateTime(report.reportedAt)} · 报告人 {report.reportedBy} · 编号{' '}
                  <span className="mono">{report.id}</span>
                </p>
                <Deliveries deliveries={report.deliveries} caption={`${CHANGE_KIND_LABELS[report.kind]} · 各部门办理情况 Deliveries`} />
              </li>
            ))}
          </ol>
        </>
      )}
      {next && (
        <button type="button" onClick={() => void load(next)} disabled={loading}>
          加载更多 More
        </button>
      )}
    </section>
  );
}
