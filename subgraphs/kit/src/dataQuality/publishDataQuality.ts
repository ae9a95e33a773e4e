import type { DataQualitySource } from '@resident-graph/adapter-kit';
import type { DepartmentId } from '@resident-graph/schemas';
import { createLogger } from '@resident-graph/service-kit';
import type { DataQualityIndex } from './dataQualityIndex';
import type { IssueViews } from './issueViews';

export interface DataQualityPublisher {
  /** Resolves after the first publication that succeeded. */
  readonly published: Promise<void>;
  /** Publishes again now (after a change such as a link decision), instead of at the next interval. */
  republish(): void;
  stop(): void;
}

export interface PublishDataQualityOptions {
  department: DepartmentId;
  source: DataQualitySource;
  index: DataQualityIndex;
  views: IssueViews;
  /** How often the issues are published again, to follow the department's data. @default 300000 */
  intervalMs?: number;
  /** How soon a publication that failed is tried again. @default 5000 */
  retryMs?: number;
}

/**
 * Publishes a department's data-quality issues into the index now and every `intervalMs`
 * (the adapters rescan their stored IDs on a similar period), retrying sooner after a
 * failure. Each publication replaces the last whole, so an issue fixed in the department's
 * data is gone at the next one.
 */
export function publishDataQuality(options: PublishDataQualityOptions): DataQualityPublisher {
  const logger = createLogger(`data-quality-${options.department}`);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let markPublished: () => void = () => undefined;
  const published = new Promise<void>((resolve) => {
    markPublished = resolve;
  });

  const schedule = (delayMs: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void publishOnce(), delayMs);
    timer.unref();
  };
  const publishOnce = async () => {
    try {
      const issues = await options.source.issuesByResident();
      await options.index.publish({ department: options.department, views: options.views, issues });
      logger.info({ residents: issues.size }, 'data-quality issues published');
      markPublished();
      schedule(options.intervalMs ?? 300_000);
    } catch (error) {
      logger.warn({ err: error }, 'could not publish data-quality issues; trying again');
      schedule(options.retryMs ?? 5_000);
    }
  };
  schedule(0);
  return {
    published,
    republish: () => schedule(0),
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
