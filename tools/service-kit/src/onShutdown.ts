import { createLogger } from './createLogger';
import { loadSettings, millisecondsSetting } from './loadSettings';
import { stopTracing } from './tracing';

export interface ShutdownOptions {
  /** Names the process in its log lines and in a settings error. @default 'service' */
  component?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs `close` once on SIGINT/SIGTERM, then exits 0 — or 1 when `close` fails or has not
 * finished within `SHUTDOWN_GRACE_MS` (default 10 s; read now, at start, so a bad value
 * fails fast). `close` is where a server stops accepting and lets the requests in flight
 * finish; it is given the grace, for what it waits on in turn. A second signal exits 1 at once.
 * A process the stack started (it has a channel to its supervisor) also shuts down when the
 * channel closes: a supervisor that crashed or was killed leaves no service behind holding
 * its port.
 */
export function onShutdown(close: (graceMs: number) => Promise<void>, options: ShutdownOptions = {}): void {
  const component = options.component ?? 'service';
  const { SHUTDOWN_GRACE_MS: graceMs } = loadSettings(component, { SHUTDOWN_GRACE_MS: millisecondsSetting(10_000) }, options.env);
  const logger = createLogger(component);
  let closing = false;
  const handler = (signal: NodeJS.Signals | 'supervisor gone') => {
    if (closing) process.exit(1);
    closing = true;
    logger.info({ signal, graceMs }, 'shutting down: no new requests, finishing those in flight');
    const started = performance.now();
    setTimeout(() => {
      logger.error({ graceMs }, 'shutdown grace exceeded: exiting with work unfinished');
      process.exit(1);
    }, graceMs);
    // The spans of the last requests leave once those requests are done.
    close(graceMs)
      .then(stopTracing)
      .then(
        () => {
          logger.info({ ms: Math.round(performance.now() - started) }, 'stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  if (process.channel) process.once('disconnect', () => handler('supervisor gone'));
}
