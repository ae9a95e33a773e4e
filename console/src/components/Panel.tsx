import type { ReactNode } from 'react';
import { errorAt, REFUSALS, type Answer } from '../api/request';
import { describeIssue, errorNotice } from '../labels';
import type { QualityIssueFragment } from '../generated/operations';

/** One department's panel: its own loading state, its own notice when that department did not answer. */
export function Panel({
  title,
  department,
  loading,
  notice,
  children,
}: {
  title: string;
  department: string;
  loading: boolean;
  notice?: { code: string | undefined } | null;
  children?: ReactNode;
}) {
  const refused = notice && notice.code && REFUSALS.has(notice.code);
  return (
    <section
      className="panel"
      aria-labelledby={`panel-${department}`}
      aria-busy={loading}
      data-panel={department}
      data-state={loading ? 'loading' : notice ? 'notice' : 'ready'}
    >
      <h2 id={`panel-${department}`}>{title}</h2>
      {loading && <p className="loading">正在查询… Loading…</p>}
      {!loading && notice && (
        <p className={refused ? 'notice withheld' : 'notice unavailable'} role="status" data-code={notice.code}>
          {errorNotice(notice.code)}
        </p>
      )}
      {!loading && !notice && children}
    </section>
  );
}

/** A labelled value; `withheld` (the role may not see it) is shown differently from nothing on record. */
export function Field({ label, children, withheld }: { label: string; children?: ReactNode; withheld?: boolean }) {
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd>{withheld ? <Withheld /> : children === null || children === undefined || children === '' ? <Missing /> : children}</dd>
    </div>
  );
}

export function Withheld({ text = '无权查看（本角色不可见）' }: { text?: string }) {
  return (
    <span className="withheld" data-withheld="true" title="Withheld for your role">
      {text}
    </span>
  );
}

export function Missing({ text = '无记录' }: { text?: string }) {
  return (
    <span className="missing" title="Nothing on record">
      {text}
    </span>
  );
}

/** Whether the answer refused exactly this field (FORBIDDEN and the like at its own path). */
export function isWithheld(answer: Answer<unknown> | null, path: readonly (string | number)[]): boolean {
  const code = errorAt(answer, path)?.extensions?.code;
  return code !== undefined && REFUSALS.has(code);
}

export function Flag({ on, label }: { on: boolean; label: string }) {
  return <span className={on ? 'flag on' : 'flag off'}>{on ? `是 · ${label}` : `否`}</span>;
}

export function QualityIssues({ issues }: { issues: readonly QualityIssueFragment[] | null | undefined }) {
  if (!issues || issues.length === 0) return null;
  return (
    <div className="quality" role="note" aria-label="数据质量问题 Data-quality issues">
      <h3>⚠ 数据质量问题 Data quality</h3>
      <ul>
        {issues.map((issue) => {
          const text = describeIssue(issue);
          return (
            <li key={`${issue.department}-${issue.recordReference}`} data-testid="quality-issue">
              {text.zh}
              <br />
              <span className="en">{text.en}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
