import { useEffect, useId, useState, type FormEvent } from 'react';
import { DEPARTMENT_IDS, ROLE_LABELS } from '../labels';
import { sessionFromToken, type Role, type Session } from '../session';

const OFFICER_DEPARTMENTS = ['public-security', 'civil-affairs', 'family-planning', 'labour'];

/** Development sign-in: the gateway mints a 30-minute token (only on a start with CONSOLE_DEV_SIGN_IN). */
function DevSignIn({ onSignIn }: { onSignIn: (session: Session) => void }) {
  const [role, setRole] = useState<Role>('grid-worker');
  const [grids, setGrids] = useState('G001');
  const [community, setCommunity] = useState('C01');
  const [department, setDepartment] = useState('civil-affairs');
  const [error, setError] = useState<string | null>(null);
  const ids = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const gridList = grids
      .split(/[,，\s]+/)
      .map((grid) => grid.trim())
      .filter(Boolean);
    const body = {
      role,
      grids: role === 'grid-worker' || role === 'department-officer' ? gridList : [],
      community: role === 'window-clerk' || role === 'department-officer' || role === 'analyst' ? community.trim() || null : null,
      department: role === 'department-officer' ? department : null,
    };
    if (role === 'department-officer' && body.grids.length > 0) body.community = null;
    const response = await fetch('/console/dev-sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answer = (await response.json()) as { token?: string; error?: string };
    if (!answer.token) return setError(answer.error ?? `HTTP ${response.status}`);
    const session = sessionFromToken(answer.token, true);
    if ('error' in session) return setError(session.error);
    onSignIn(session);
  }

  return (
    <form className="card dev-sign-in" onSubmit={submit} aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>
        开发环境登录 <span className="badge warning">仅限开发环境 / development only</span>
      </h2>
      <p className="hint">由网关用开发签发密钥生成 30 分钟有效的令牌。生产环境请使用统一身份认证签发的令牌。</p>
      <label htmlFor={`${ids}-role`}>角色 Role</label>
      <select id={`${ids}-role`} value={role} onChange={(event) => setRole(event.target.value as Role)}>
        {(Object.keys(ROLE_LABELS) as Role[]).map((value) => (
          <option key={value} value={value}>
            {ROLE_LABELS[value]} ({value})
          </option>
        ))}
      </select>
      {(role === 'grid-worker' || role === 'department-officer') && (
        <>
          <label htmlFor={`${ids}-grids`}>网格 Grids（逗号分隔{role === 'department-officer' ? '；留空则按社区' : ''}）</label>
          <input id={`${ids}-grids`} value={grids} onChange={(event) => setGrids(event.target.value)} autoComplete="off" />
        </>
      )}
      {(role === 'window-clerk' || role === 'department-officer' || role === 'analyst') && (
        <>
          <label htmlFor={`${ids}-community`}>社区 Community</label>
          <input id={`${ids}-community`} value={community} onChange={(event) => setCommunity(event.target.value)} autoComplete="off" />
        </>
      )}
      {role === 'department-officer' && (
        <>
          <label htmlFor={`${ids}-department`}>部门 Department</label>
          <select id={`${ids}-department`} value={department} onChange={(event) => setDepartment(event.target.value)}>
            {OFFICER_DEPARTMENTS.map((value) => (
              <option key={value} value={value}>
                {DEPARTMENT_IDS[value]} ({value})
              </option>
            ))}
          </select>
        </>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit">登录（开发） Sign in</button>
    </form>
  );
}

/** Sign-in: paste a token (production), or on a development start pick a role and jurisdiction. */
export function SignIn({ onSignIn }: { onSignIn: (session: Session) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [devSignIn, setDevSignIn] = useState(false);
  const ids = useId();

  useEffect(() => {
    fetch('/console/config')
      .then((response) => (response.ok ? (response.json() as Promise<{ devSignIn?: boolean }>) : { devSignIn: false }))
      .then((config) => setDevSignIn(config.devSignIn === true))
      .catch(() => setDevSignIn(false));
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const session = sessionFromToken(token);
    if ('error' in session) return setError(session.error);
    onSignIn(session);
  }

  return (
    <main className="sign-in" id="main">
      <h1>居民信息图谱 · Resident Graph</h1>
      <p className="hint">街道一网通查：公安、民政、计生、劳动保障与网格信息，一次查询。</p>
      <div className="sign-in-cards">
        <form className="card" onSubmit={submit} aria-labelledby={`${ids}-title`}>
          <h2 id={`${ids}-title`}>令牌登录 Sign in with a token</h2>
          <label htmlFor={`${ids}-token`}>访问令牌 Access token (JWT)</label>
          <textarea id={`${ids}-token`} rows={4} value={token} onChange={(event) => setToken(event.target.value)} spellCheck={false} autoComplete="off" />
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <button type="submit" disabled={token.trim() === ''}>
            登录 Sign in
          </button>
        </form>
        {devSignIn && <DevSignIn onSignIn={onSignIn} />}
      </div>
    </main>
  );
}
