/** The signed-in user, as their token says (the gateway verifies it; the page only reads it to show who you are). */
export type Role = 'grid-worker' | 'window-clerk' | 'department-officer' | 'analyst' | 'auditor';

export interface Session {
  token: string;
  subject: string;
  role: Role;
  department: string | null;
  grids: string[];
  community: string | null;
  /** Epoch milliseconds. */
  expiresAt: number;
  developmentOnly: boolean;
}

export const PURPOSE_CODES = ['HOME_VISIT', 'SERVICE_APPLICATION', 'CASE_REVIEW', 'ELIGIBILITY_CHECK', 'DATA_CORRECTION', 'EMERGENCY', 'SUPERVISION'] as const;
export type PurposeCode = (typeof PURPOSE_CODES)[number];
export interface Purpose {
  code: PurposeCode;
  reference: string;
}

const STORAGE_KEY = 'resident-graph.session';

function base64UrlDecode(part: string): string {
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

const ROLES: readonly Role[] = ['grid-worker', 'window-clerk', 'department-officer', 'analyst', 'auditor'];

/** Reads a pasted token's claims; `null` when it is not a token of ours or has expired. */
export function sessionFromToken(token: string, developmentOnly = false): Session | { error: string } {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return { error: '这不是一个令牌 (not a JWT)' };
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(base64UrlDecode(parts[1]!)) as Record<string, unknown>;
  } catch {
    return { error: '令牌无法读取 (unreadable token)' };
  }
  const role = claims.role as Role;
  if (!ROLES.includes(role)) return { error: '令牌没有有效角色 (no valid role)' };
  const expiresAt = typeof claims.exp === 'number' ? claims.exp * 1000 : 0;
  if (expiresAt <= Date.now()) return { error: '令牌已过期 (token expired)' };
  return {
    token: token.trim(),
    subject: String(claims.sub ?? ''),
    role,
    department: typeof claims.department === 'string' ? claims.department : null,
    grids: Array.isArray(claims.grids) ? claims.grids.map(String) : [],
    community: typeof claims.community === 'string' ? claims.community : null,
    expiresAt,
    developmentOnly,
  };
}

/** Kept for the browser tab only (sessionStorage): closing the tab signs out. */
export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return null;
  const session = JSON.parse(raw) as Session;
  return session.expiresAt > Date.now() ? session : null;
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(STORAGE_KEY);
}
