import path from 'node:path';
import { z } from 'zod';
import { loadSettings } from '@resident-graph/service-kit';

/** Where the default start keeps its dev keys (`.data/keys` of the checkout). */
export const DEFAULT_KEYS_DIR = path.resolve(__dirname, '../../../.data/keys');

export function loadTrustSettings(component: string, env: NodeJS.ProcessEnv = process.env) {
  return loadSettings(component, { TRUST_KEYS_DIR: z.string().min(1).default(DEFAULT_KEYS_DIR) }, env);
}
