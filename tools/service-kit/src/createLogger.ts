import pino, { type Logger } from 'pino';
import { currentRequestId } from './requestScope';

/**
 * Structured JSON logs, one logger per process, named after the component. A line written
 * while serving a request carries its `requestId` (see `inRequestScope`) without any caller
 * passing it.
 *
 * Lines are written to standard output asynchronously: under load, lines logged while a
 * write is under way go out together in the next one, where a write a line cost a
 * department's subgraph about 7 % of its CPU and the gateway 8 % (docs/performance.md). A
 * quiet process's line is still written at once, and pino writes what is left when the
 * process exits; only a process killed outright (SIGKILL) can lose its last lines.
 */
export function createLogger(component: string): Logger {
  return pino(
    {
      name: component,
      level: process.env.LOG_LEVEL ?? 'info',
      mixin() {
        const requestId = currentRequestId();
        return requestId === null ? {} : { requestId };
      },
    },
    pino.destination({ dest: 1, sync: false }),
  );
}
export type { Logger };
