import pino, { type Logger } from 'pino';
import { currentRequestId } from './requestScope';

/**
 * Structured JSON logs, one logger per process, named after the component. A line written
 * while serving a request carries its `requestId` (see `inRequestScope`) without any caller
 * passing it.
 */
export function createLogger(component: string): Logger {
  return pino({
    name: component,
    level: process.env.LOG_LEVEL ?? 'info',
    mixin() {
      const requestId = currentRequestId();
      return requestId === null ? {} : { requestId };
    },
  });
}
export type { Logger };
