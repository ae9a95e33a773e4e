import { AuditUnavailableError } from './AuditUnavailableError';

/**
 * Settles with `work`, or fails with AUDIT_UNAVAILABLE when it fails or takes longer than
 * `timeoutMs`: a caller waiting on the audit store must be able to refuse in time.
 */
export async function withinTimeLimit<T>(what: string, timeoutMs: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AuditUnavailableError(`audit store: ${what} had no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  // Work that fails after the deadline has already been reported as unavailable; the race
  // below has subscribed to it, so that late failure is handled and raises nothing.
  try {
    return await Promise.race([work, deadline]);
  } catch (error) {
    if (error instanceof AuditUnavailableError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AuditUnavailableError(`audit store: ${what} failed: ${reason}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
