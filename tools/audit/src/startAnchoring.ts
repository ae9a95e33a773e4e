import type { KeyLike } from 'jose';
import type { Logger } from '@resident-graph/service-kit';
import { writeAnchor } from './auditAnchors';
import type { AuditStore } from './createAuditStore';

export interface AnchoringOptions {
  store: Pick<AuditStore, 'head'>;
  /** Where the signed checkpoints go: outside the audit database. */
  file: string;
  /** The audit service's private key. */
  privateKey: KeyLike;
  /** How often the head is checkpointed when it has moved. */
  intervalMs: number;
  logger: Logger;
}

export interface Anchoring {
  /** Checkpoints the head now if it moved since the last checkpoint. */
  anchorNow(): Promise<void>;
  /** Stops the timer after one last checkpoint. */
  stop(): Promise<void>;
}

/**
 * Checkpoints the chain head every `intervalMs` while it moves. A failed checkpoint is
 * logged and tried again at the next tick: reads go on, and the verifier reports how far
 * the newest checkpoint reaches.
 */
export function startAnchoring({ store, file, privateKey, intervalMs, logger }: AnchoringOptions): Anchoring {
  let lastSequence = -1;
  let running: Promise<void> = Promise.resolve();
  const anchorNow = () => {
    running = running.then(async () => {
      try {
        const head = await store.head();
        if (head.sequence === lastSequence) return;
        await writeAnchor(file, privateKey, head);
        lastSequence = head.sequence;
      } catch (error) {
        logger.warn({ err: error, file }, 'audit checkpoint not written');
      }
    });
    return running;
  };
  const timer = setInterval(() => void anchorNow(), intervalMs);
  timer.unref();
  return {
    anchorNow,
    async stop() {
      clearInterval(timer);
      await anchorNow();
    },
  };
}
