/** Why a credential was refused; always reported as `UNAUTHENTICATED`. */
export class TrustError extends Error {
  readonly code = 'UNAUTHENTICATED';
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'TrustError';
  }
}
