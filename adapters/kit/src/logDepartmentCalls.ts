import type { DepartmentId } from '@resident-graph/schemas';
import { createLogger, traceCall } from '@resident-graph/service-kit';
import { DepartmentError } from './DepartmentError';

type Execute = <T>(call: (signal: AbortSignal) => Promise<T>) => Promise<T>;

/**
 * One log line and one trace span per call to a department's system (time-out, retries and
 * all): how long it took and, when it failed, the error's code. The HTTP calls made inside
 * carry the span's trace context (`propagationHeaders`). Written while serving a request, the line
 * carries its `requestId` (service-kit `inRequestScope`) — for the systems reached without
 * HTTP (a database, an export file), the one place that id appears on the department's side.
 */
export function logDepartmentCalls(department: DepartmentId, execute: Execute): Execute {
  const logger = createLogger(`adapter-${department}`);
  return (call) =>
    traceCall(`department ${department}`, { 'resident_graph.department': department }, async () => {
      const started = performance.now();
      try {
        const answer = await execute(call);
        logger.info({ department, ms: Math.round(performance.now() - started) }, 'department answered');
        return answer;
      } catch (error) {
        const code = error instanceof DepartmentError ? error.code : 'UNEXPECTED';
        const reason = error instanceof Error ? error.message : String(error);
        logger.warn({ department, code, reason, ms: Math.round(performance.now() - started) }, 'department failed');
        throw error;
      }
    });
}
