/** Largest roster page a caller may ask for. */
export const MAX_ROSTER_PAGE = 1000;

/** A roster request this adapter will not run: bad `first`, or a cursor it did not issue. */
export class RosterArgumentError extends Error {
  override readonly name = 'RosterArgumentError';
}

interface CursorPayload {
  /** The grid the cursor was issued for. */
  g: string;
  /** The last resident row (stable key) of the page it ends. */
  k: number;
}

/** Opaque to callers; carries the grid so a cursor cannot be replayed on another roster. */
export function encodeRosterCursor(gridId: string, lastRowId: number): string {
  const payload: CursorPayload = { g: gridId, k: lastRowId };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** The row after which the page starts; throws `RosterArgumentError` for a foreign cursor. */
export function decodeRosterCursor(gridId: string, cursor: string): number {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new RosterArgumentError('"after" is not a cursor issued by this roster');
  }
  const { g, k } = (payload ?? {}) as Partial<CursorPayload>;
  if (typeof k !== 'number' || !Number.isSafeInteger(k) || k < 0 || typeof g !== 'string') {
    throw new RosterArgumentError('"after" is not a cursor issued by this roster');
  }
  if (g !== gridId) throw new RosterArgumentError('"after" is a cursor of another grid');
  return k;
}

export function checkRosterPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 0 || first > MAX_ROSTER_PAGE) {
    throw new RosterArgumentError(`"first" must be an integer from 0 to ${MAX_ROSTER_PAGE}`);
  }
}
