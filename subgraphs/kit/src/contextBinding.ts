import { z } from 'zod';
import { loadSettings } from '@resident-graph/service-kit';
import { memoryReplayGuard, redisReplayGuard, type ReplayGuard } from '@resident-graph/trust';

/** How a subgraph holds a gateway context to the one request it was signed for. */
export interface ContextBinding {
  replayGuard: ReplayGuard;
}

/**
 * From the environment: `GATEWAY_CONTEXT_BINDING` (`required`, the default; `off` only for
 * tests that sign contexts without a request body, see createTestTrust) and `REDIS_URL`
 * (the seen-context ids shared by every replica; without it, this process's memory, which
 * holds for the default start's single replica only).
 */
export function contextBindingFromEnv(component: string, env: NodeJS.ProcessEnv = process.env): ContextBinding | null {
  const settings = loadSettings(
    component,
    {
      GATEWAY_CONTEXT_BINDING: z.enum(['required', 'off']).default('required'),
      REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
    },
    env,
  );
  if (settings.GATEWAY_CONTEXT_BINDING === 'off') return null;
  return { replayGuard: settings.REDIS_URL ? redisReplayGuard(settings.REDIS_URL) : memoryReplayGuard() };
}
