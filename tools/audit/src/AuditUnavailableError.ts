/**
 * The audit store could not take an entry (unreachable, too slow, or it refused the write).
 * The caller must then refuse the read: no personal data leaves unaudited.
 */
export class AuditUnavailableError extends Error {
  readonly code = 'AUDIT_UNAVAILABLE';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AuditUnavailableError';
  }
}
