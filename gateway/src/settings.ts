import path from 'node:path';
import { z } from 'zod';
import { loadSettings, portSetting } from '@resident-graph/service-kit';
import { DEFAULT_KEYS_DIR } from '@resident-graph/trust';

const DEFAULT_SUPERGRAPH = path.resolve(__dirname, '../../schemas/supergraph.graphql');

const subgraphUrls = z
  .string()
  .default('{}')
  .transform((raw, ctx) => {
    try {
      return z.record(z.string(), z.url()).parse(JSON.parse(raw));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object of subgraph name → URL' });
      return z.NEVER;
    }
  });

export function loadGatewaySettings(env: NodeJS.ProcessEnv = process.env) {
  return loadSettings(
    'gateway',
    {
      PORT: portSetting(4000),
      HOST: z.string().default('127.0.0.1'),
      /** Any valid supergraph file (ours, or one composed elsewhere). */
      SUPERGRAPH_PATH: z.string().default(DEFAULT_SUPERGRAPH),
      /** Overrides the URLs the supergraph names, by subgraph name. */
      SUBGRAPH_URLS: subgraphUrls,
      MAX_QUERY_DEPTH: z.coerce.number().int().min(2).max(64).default(12),
      /** The issuer's public key (user tokens) and the gateway's private key (forwarded context). */
      TRUST_KEYS_DIR: z.string().min(1).default(DEFAULT_KEYS_DIR),
      MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(256 * 1024),
      /**
       * Processes serving the port (node:cluster). More than one pays only where the gateway,
       * not the departments, runs out of CPU: each costs a whole process's memory.
       */
      GATEWAY_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
    },
    env,
  );
}
export type GatewaySettings = ReturnType<typeof loadGatewaySettings>;
