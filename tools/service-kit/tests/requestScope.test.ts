import { bindRequestId, currentRequestId, inRequestScope, propagationHeaders, receivedRequestId } from '../src/requestScope';
import { startTracing } from '../src/tracing';

it('carries the id bound in a request scope through later async work, and nowhere else', async () => {
  const seen = await Promise.all(
    ['first', 'second'].map((id) =>
      inRequestScope(async () => {
        expect(currentRequestId()).toBeNull();
        bindRequestId(id);
        await new Promise((resolve) => setTimeout(resolve, 10));
        return [currentRequestId(), propagationHeaders()];
      }),
    ),
  );
  expect(seen).toEqual([
    ['first', { 'x-request-id': 'first' }],
    ['second', { 'x-request-id': 'second' }],
  ]);
  expect(currentRequestId()).toBeNull();
  expect(propagationHeaders()).toEqual({});
});

it('takes a received X-Request-Id only when it is one value of the allowed characters', () => {
  expect(receivedRequestId({ 'x-request-id': 'a1b2-c3.d4:e5_f6' })).toBe('a1b2-c3.d4:e5_f6');
  expect(receivedRequestId({ 'x-request-id': 'two\nlines' })).toBeNull();
  expect(receivedRequestId({ 'x-request-id': 'x'.repeat(65) })).toBeNull();
  expect(receivedRequestId({ 'x-request-id': ['a', 'b'] })).toBeNull();
  expect(receivedRequestId({})).toBeNull();
});

it('exports no trace unless OTEL_EXPORTER_OTLP_ENDPOINT is set, and refuses one that is not an http(s) URL', () => {
  expect(startTracing('probe', {})).toBe(false);
  expect(startTracing('probe', { OTEL_EXPORTER_OTLP_ENDPOINT: '' })).toBe(false);
  expect(() => startTracing('probe', { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/probe: invalid settings — OTEL_EXPORTER_OTLP_ENDPOINT/);
});
