import { dueByOf, lightOf } from '../src';

const reportedAt = new Date('2026-12-01T00:00:00Z');
const dueBy = dueByOf(reportedAt, 10);
const at = (iso: string) => new Date(iso);

describe('dueByOf', () => {
  it('is the report time plus the limit in calendar days', () => {
    expect(dueBy.toISOString()).toBe('2026-12-11T00:00:00.000Z');
  });
});

describe('lightOf, with the last 20 % of the time yellow', () => {
  it.each([
    ['open, at the start', 'PENDING', '2026-12-01T00:00:00Z', 'GREEN'],
    ['open, just before the last fifth', 'PENDING', '2026-12-08T23:59:59Z', 'GREEN'],
    ['open, at the last fifth', 'PENDING', '2026-12-09T00:00:00Z', 'YELLOW'],
    ['open, at the deadline itself', 'DELIVERED', '2026-12-11T00:00:00Z', 'YELLOW'],
    ['open, past the deadline', 'PENDING', '2026-12-11T00:00:01Z', 'RED'],
    ['accepted, long past the deadline', 'ACCEPTED', '2027-02-01T00:00:00Z', 'GREEN'],
    ['rejected, past the deadline', 'REJECTED', '2026-12-12T00:00:00Z', 'GREEN'],
  ] as const)('%s: %s at %s is %s', (_case, state, now, light) => {
    expect(lightOf({ state, reportedAt, dueBy }, at(now), 0.2)).toBe(light);
  });
});
