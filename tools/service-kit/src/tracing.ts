import type { IncomingHttpHeaders } from 'node:http';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { z } from 'zod';
import { loadSettings } from './loadSettings';
import type { TraceExport } from '@resident-graph/service-kit/trace-export';

const tracer = () => trace.getTracer('resident-graph');
let exporting: Promise<TraceExport> | null = null;

/**
 * Turns on trace export when `OTEL_EXPORTER_OTLP_ENDPOINT` names an OTLP/HTTP receiver
 * (spans go to `<endpoint>/v1/traces`; validated now, at start). Unset, nothing is recorded
 * and nothing leaves the process: the spans below are OpenTelemetry's no-op ones. The
 * SDK's own `OTEL_BSP_*` settings (batch delay and size) apply.
 */
export function startTracing(component: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint } = loadSettings(
    component,
    { OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess((value) => (value === '' ? undefined : value), z.url({ protocol: /^https?$/ }).optional()) },
    env,
  );
  if (!endpoint || exporting) return false;
  const url = new URL('v1/traces', endpoint.endsWith('/') ? endpoint : `${endpoint}/`).toString();
  // The SDK and its exporter (about 6 MB in memory) load only in a process that exports. In
  // the CommonJS the services run as, the import settles in a microtask: before the process
  // reads its first request.
  exporting = import('@resident-graph/service-kit/trace-export').then(({ exportTraces }) => exportTraces(component, url));
  return true;
}

/** Sends the spans still waiting and stops exporting (at shutdown). */
export async function stopTracing(): Promise<void> {
  const stopping = exporting;
  exporting = null;
  await (await stopping)?.shutdown();
}

/** Adds the trace context (`traceparent`) of the span in force to an outgoing call's headers. */
export function injectTraceContext(headers: Record<string, string>): Record<string, string> {
  propagation.inject(context.active(), headers);
  return headers;
}

async function inSpan<T>(span: Span, work: (span: Span) => Promise<T>): Promise<T> {
  try {
    return await work(span);
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    span.end();
  }
}

/** Runs `work` as a span of one call to another system (a subgraph, a department); calls made inside carry its context. */
export function traceCall<T>(name: string, attributes: Record<string, string>, work: (span: Span) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, (span) => inSpan(span, work));
}

/** Runs `work` as the span of one received request, the child of the caller's span when its headers carry one. */
export function traceRequest<T>(name: string, headers: IncomingHttpHeaders, work: (span: Span) => Promise<T>): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  return tracer().startActiveSpan(name, { kind: SpanKind.SERVER }, parent, (span) => inSpan(span, work));
}

/** Names the request on the span in force, so a trace leads to the log lines and audit entries of its request. */
export function tagSpanWithRequestId(requestId: string): void {
  trace.getActiveSpan()?.setAttribute('resident_graph.request_id', requestId);
}
