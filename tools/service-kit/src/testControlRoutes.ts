import { z } from 'zod';
import { loadSettings } from './loadSettings';

/**
 * Whether this process serves the `/__control/*` routes tests drive it through (call counts,
 * fault injection). Only test runs and the bench set `TEST_CONTROL_ROUTES=1`; the default
 * start leaves it unset, so no port of a running system answers them.
 */
export function testControlRoutes(component: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return loadSettings(component, { TEST_CONTROL_ROUTES: z.enum(['0', '1']).default('0') }, env).TEST_CONTROL_ROUTES === '1';
}
