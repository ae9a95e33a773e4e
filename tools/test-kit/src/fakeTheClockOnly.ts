/**
 * Fakes the clock alone, set to `now`: timers, ticks and I/O run as they do, so the crypto,
 * sockets and databases a test talks to go on working while it moves the date
 * (`jest.setSystemTime`). Undo with `jest.useRealTimers()`.
 */
export function fakeTheClockOnly(now: Date): void {
  jest.useFakeTimers({
    now,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}
