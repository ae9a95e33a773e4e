import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/** The exporting side of tracing, which `startTracing` loads only when traces leave the process. */
export interface TraceExport {
  shutdown(): Promise<void>;
}

/** Registers the tracer provider whose spans are batched to the OTLP/HTTP receiver at `url`. */
export function exportTraces(component: string, url: string): TraceExport {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': component }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  provider.register();
  return provider;
}
