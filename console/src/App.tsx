import { lazy, Suspense, useEffect, useState } from 'react';
import { PurposeBar } from './components/PurposeBar';
import { SignIn } from './components/SignIn';
import { DEPARTMENT_IDS, ROLE_LABELS } from './labels';
import { loadSession, saveSession, type Purpose, type Session } from './session';
import { AuditLogView } from './views/AuditLogView';
import { FindResident, type OpenRequest } from './views/FindResident';
import { ResidentRecord } from './views/ResidentRecord';
import { RosterView } from './views/RosterView';
import { SupervisionView } from './views/SupervisionView';

// The chart library is loaded only by the analyst view, so the front-line page stays small.
const AnalystView = lazy(() => import('./views/AnalystView'));

type View = 'find' | 'roster' | 'analyst' | 'audit' | 'supervision';

function viewsOf(session: Session): { view: View; label: string }[] {
  switch (session.role) {
    case 'analyst':
      return [{ view: 'analyst', label: '统计分析 Statistics' }];
    case 'auditor':
      return [
        { view: 'audit', label: '访问日志 Access log' },
        { view: 'supervision', label: '督办 Supervision' },
      ];
    default: {
      const views: { view: View; label: string }[] = [{ view: 'find', label: '查找居民 Find' }];
      if (session.grids.length > 0 || session.community) views.push({ view: 'roster', label: '网格名册 Roster' });
      return views;
    }
  }
}

function jurisdictionText(session: Session): string {
  const parts: string[] = [];
  if (session.department) parts.push(DEPARTMENT_IDS[session.department] ?? session.department);
  if (session.grids.length > 0) parts.push(`网格 ${session.grids.join('、')}`);
  if (session.community) parts.push(`社区 ${session.community}`);
  return parts.length > 0 ? parts.join(' · ') : '全街道';
}

export function App() {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [view, setView] = useState<View>('find');
  const [purpose, setPurpose] = useState<Purpose | null>(null);
  const [open, setOpen] = useState<OpenRequest | null>(null);

  useEffect(() => saveSession(session), [session]);
  useEffect(() => {
    if (!session) return;
    setView(viewsOf(session)[0]!.view);
    setPurpose(session.role === 'auditor' ? { code: 'SUPERVISION', reference: '' } : null);
    setOpen(null);
  }, [session]);

  if (!session) return <SignIn onSignIn={setSession} />;
  const views = viewsOf(session);
  const needsPurpose = view === 'find' || view === 'roster';
  const credentials = { token: session.token, purpose };

  return (
    <>
      <a className="skip-link" href="#main">
        跳到正文 Skip to content
      </a>
      <header className="app-header">
        <div className="brand">居民信息图谱</div>
        <nav aria-label="功能 Views">
          {views.map((item) => (
            <button
              key={item.view}
              type="button"
              className={item.view === view ? 'tab active' : 'tab'}
              aria-current={item.view === view ? 'page' : undefined}
              onClick={() => {
                setView(item.view);
                setOpen(null);
              }}
            >
              {item.label}
            </button>
          ))}
        </nav>
        <div className="who" data-testid="who">
          <span className="subject">{session.subject}</span>
          <span className="role">{ROLE_LABELS[session.role]}</span>
          <span className="jurisdiction">{jurisdictionText(session)}</span>
          {session.developmentOnly && <span className="badge warning">仅限开发环境 / development only</span>}
          <button type="button" className="secondary" onClick={() => setSession(null)}>
            退出 Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {needsPurpose && <PurposeBar purpose={purpose} onChange={setPurpose} />}
        {view === 'find' && !open && <FindResident credentials={credentials} onOpen={setOpen} />}
        {(view === 'find' || view === 'roster') && open && purpose && (
          <ResidentRecord key={open.id} request={open} session={session} purpose={purpose} onOpen={setOpen} onClose={() => setOpen(null)} />
        )}
        {view === 'roster' && !open && <RosterView session={session} credentials={credentials} onOpen={setOpen} />}
        {view === 'audit' && <AuditLogView credentials={credentials} />}
        {view === 'supervision' && <SupervisionView credentials={credentials} />}
        {view === 'analyst' && (
          <Suspense fallback={<p className="loading">正在加载… Loading…</p>}>
            <AnalystView credentials={credentials} />
          </Suspense>
        )}
      </main>
    </>
  );
}
