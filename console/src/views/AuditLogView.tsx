import { useEffect, useId, useState, type FormEvent } from 'react';
import { normalizeCitizenId } from '@resident-graph/schemas';
import { request, type Credentials } from '../api/request';
import { AccessLogDocument, AccessLogVerificationDocument, type AccessLogQuery, type AccessLogVerificationQuery } from '../generated/operations';
import { DEPARTMENT_IDS, errorMessage, errorNotice, fieldLabel, formatDateTime, PURPOSE_LABELS, ROLE_LABELS } from '../labels';
import type { PurposeCode, Role } from '../session';

type Entry = AccessLogQuery['accessLog']['nodes'][number];
type Verification = AccessLogVerificationQuery['accessLogVerification'];

const BREAK_KINDS: Record<string, string> = {
  EDITED: '条目内容被改动',
  MISSING: '条目缺失',
  REORDERED: '条目顺序被调换',
  BROKEN_LINK: '链接断开',
  TRUNCATED: '最新条目被删除',
  REWRITTEN: '链被重建',
};

/** The hash chain's verification, run when the view opens and on demand. */
function ChainStatus({ credentials }: { credentials: Credentials }) {
  const [verification, setVerification] = useState<Verification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  async function verify() {
    setRunning(true);
    setError(null);
    const answer = await request(AccessLogVerificationDocument, {}, credentials);
    setRunning(false);
    if (answer.data?.accessLogVerification) setVerification(answer.data.accessLogVerification);
    else setError(errorNotice(answer.errors[0]?.extensions?.code));
  }
  // Once when the view opens (the auditor's token does not change while it is open); the button runs it again.
  useEffect(() => {
    void verify();
  }, []);

  return (
    <div
      className={verification ? (verification.intact ? 'chain-status intact' : 'chain-status broken') : 'chain-status'}
      role="status"
      data-testid="chain-status"
      data-intact={verification?.intact}
    >
      <strong>哈希链校验 Chain verification：</strong>
      {running && '核验中… '}
      {error}
      {verification &&
        (verification.intact
          ? `完整 · 已核验 ${verification.checked} 条，链头 #${verification.headSequence}，签名检查点 ${verification.checkpoints} 个${
              verification.newestCheckpointAt ? `（最新 ${formatDateTime(verification.newestCheckpointAt)}）` : ''
            } · 核验于 ${formatDateTime(verification.verifiedAt)} `
          : `已损坏：第 ${verification.firstBreakSequence} 条起${BREAK_KINDS[verification.firstBreakKind ?? ''] ?? verification.firstBreakKind}（此前 ${verification.checked} 条完好） `)}
      <button type="button" className="secondary" onClick={() => void verify()} disabled={running}>
        重新核验 Verify again
      </button>
    </div>
  );
}

const OUTCOME_LABELS: Record<string, string> = { SERVED: '已提供 Served', REFUSED: '已拒绝 Refused' };

/**
 * The access log filtered on the server by any of resident, user and days (at least one):
 * who, in which role, when, why, about whom and which fields, newest first.
 */
export function AuditLogView({ credentials }: { credentials: Credentials }) {
  const [rawId, setRawId] = useState('');
  const [user, setUser] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const ids = useId();
  const parsed = normalizeCitizenId(rawId);
  const idGiven = rawId.trim() !== '';
  const filters = {
    residentId: idGiven && parsed.ok ? parsed.id : null,
    subject: user.trim() || null,
    from: from || null,
    to: to || null,
  };
  const askable = (!idGiven || parsed.ok) && Object.values(filters).some((value) => value !== null);

  async function load(after: string | null) {
    setLoading(true);
    setError(null);
    const answer = await request(AccessLogDocument, { ...filters, first: 100, after }, credentials);
    setLoading(false);
    const log = answer.data?.accessLog;
    if (!log) return setError(errorMessage(answer.errors[0]));
    setEntries((previous) => [...(after ? (previous ?? []) : []), ...log.nodes]);
    setNext(log.pageInfo.hasNextPage ? log.pageInfo.endCursor : null);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (askable) void load(null);
  }

  return (
    <section className="audit" aria-labelledby={`${ids}-title`}>
      <h1 id={`${ids}-title`}>访问日志 Access log</h1>
      <form className="card toolbar" onSubmit={submit} aria-describedby={`${ids}-hint`}>
        <label htmlFor={`${ids}-id`}>居民身份证号 Resident ID</label>
        <input id={`${ids}-id`} value={rawId} onChange={(event) => setRawId(event.target.value)} autoComplete="off" aria-describedby={`${ids}-id-status`} />
        <span id={`${ids}-id-status`} className={parsed.ok ? 'field-status ok' : 'field-status'} aria-live="polite">
          {idGiven ? (parsed.ok ? (parsed.converted ? `已转换为 ${parsed.id}` : '校验位正确 ✓') : '号码无效') : ''}
        </span>
        <label htmlFor={`${ids}-user`}>用户 User</label>
        <input id={`${ids}-user`} value={user} onChange={(event) => setUser(event.target.value)} autoComplete="off" />
        <label htmlFor={`${ids}-from`}>自 From</label>
        <input id={`${ids}-from`} type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        <label htmlFor={`${ids}-to`}>至 To</label>
        <input id={`${ids}-to`} type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        <button type="submit" disabled={!askable || loading}>
          查询 Search
        </button>
        <p id={`${ids}-hint`} className="hint">
          按居民、用户或日期（北京时间，含首尾两日）查询，至少填一项。 By resident, user or days (China Standard Time, both included): at least one.
        </p>
      </form>
      <ChainStatus credentials={credentials} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {entries && (
        <div className="table-scroll">
          <table className="audit-table" data-testid="access-log">
            <caption>
              共 {entries.length} 条{next ? '（还有更多）' : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">时间</th>
                <th scope="col">用户</th>
                <th scope="col">角色</th>
                <th scope="col">用途</th>
                <th scope="col">服务方</th>
                <th scope="col">居民</th>
                <th scope="col">字段</th>
                <th scope="col">结果</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.sequence}>
                  <td className="mono">{formatDateTime(entry.recordedAt)}</td>
                  <td>{entry.subject}</td>
                  <td>
                    {ROLE_LABELS[entry.role as Role] ?? entry.role}
                    {entry.department ? ` · ${DEPARTMENT_IDS[entry.department] ?? entry.department}` : ''}
                  </td>
                  <td data-testid="audit-purpose">
                    {entry.purposeCode ? (PURPOSE_LABELS[entry.purposeCode as PurposeCode] ?? entry.purposeCode) : '—'}
                    {entry.purposeReference ? ` · ${entry.purposeReference}` : ''}
                  </td>
                  <td>{DEPARTMENT_IDS[entry.subgraph] ?? entry.subgraph}</td>
                  <td className="mono">{entry.residentIds.join(' ')}</td>
                  <td className="fields-list" title={entry.fields.join(', ')}>
                    {entry.fields.map(fieldLabel).join('、')}
                  </td>
                  <td>{OUTCOME_LABELS[entry.outcome] ?? entry.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <button type="button" onClick={() => void load(next)} disabled={loading}>
          加载更多 More
        </button>
      )}
    </section>
  );
}
