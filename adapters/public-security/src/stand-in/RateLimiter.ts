/** The system's throttle: a fixed budget of requests per wall-clock second. */
export class RateLimiter {
  private second = -1;
  private count = 0;

  constructor(private readonly perSecond: number) {}

  /** 0 when the request may go, else how many milliseconds until the next second. */
  take(now = Date.now()): number {
    const second = Math.floor(now / 1000);
    if (second !== this.second) {
      this.second = second;
      this.count = 0;
    }
    this.count++;
    return this.count > this.perSecond ? 1000 - (now % 1000) : 0;
  }
}
