import { loadKey, mintUserToken, type Caller, type PurposeCode } from '@resident-graph/trust';
import type { Stack } from '@resident-graph/stack';

export const OFFICER = (department: NonNullable<Caller['department']>, scope: Partial<Pick<Caller, 'grids' | 'community'>> = {}): Caller => ({
  subject: `officer-${department}`,
  role: 'department-officer',
  department,
  grids: scope.grids ?? [],
  community: scope.community ?? null,
});

/** Headers of an authenticated request: a token the stack's dev issuer signed, and a purpose. */
export async function requestHeaders(
  stack: Stack,
  caller: Caller,
  purpose: PurposeCode | `${PurposeCode}:${string}` | null = 'CASE_REVIEW',
): Promise<Record<string, string>> {
  const token = await mintUserToken(caller, await loadKey(stack.keysDir, 'issuer', 'private'), { expiresIn: '1h' });
  return { authorization: `Bearer ${token}`, ...(purpose ? { 'x-purpose': purpose } : {}) };
}
