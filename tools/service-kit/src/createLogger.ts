import pino, { type Logger } from 'pino';

/** Structured JSON logs, one logger per process, named after the component. */
export function createLogger(component: string): Logger {
  return pino({ name: component, level: process.env.LOG_LEVEL ?? 'info' });
}
export type { Logger };
