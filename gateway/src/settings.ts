import path from 'node:path';
import { z } from 'zod';
import { loadSettings, portSetting } from '@resident-graph/service-kit';
import { DEFAULT_KEYS_DIR } from '@resident-graph/trust';

const DEFAULT_SUPERGRAPH = path.resolve(__dirname, '../../schemas/supergraph.graphql');
const DEFAULT_CONSOLE_DIR = path.resolve(__dirname, '../../console/dist');

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
      /** Fields nested in one another (fragments do not count as a level). */
      MAX_QUERY_DEPTH: z.coerce.number().int().min(2).max(64).default(12),
      /** Aliased fields in one operation: each alias of `resident` is another whole record. */
      MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(15),
      /**
       * Estimated cost of one operation: every field costs 1 plus its selection, times its
       * `first:`/`last:` page size (variables included), so nested pages multiply. A full
       * record costs about 60 and a 1,000-resident roster page about 30,000.
       */
      MAX_QUERY_COST: z.coerce.number().int().min(100).default(100_000),
      /** Lexical tokens of one document, counted while parsing: a huge document is dropped early. */
      MAX_TOKENS: z.coerce.number().int().min(100).default(5_000),
      /** Directives in one operation (`@include`/`@skip` repeated to make work). */
      MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1000).default(50),
      /** Operations in one POST (a JSON array); 1 accepts no batches. */
      MAX_BATCH_OPERATIONS: z.coerce.number().int().min(1).max(100).default(1),
      /** For development only: schema introspection and "did you mean" suggestions in errors. */
      INTROSPECTION: z.stringbool().default(false),
      /** The issuer's public key (user tokens) and the gateway's private key (forwarded context). */
      TRUST_KEYS_DIR: z.string().min(1).default(DEFAULT_KEYS_DIR),
      MAX_BODY_BYTES: z.coerce
        .number()
        .int()
        .min(1024)
        .default(256 * 1024),
      /**
       * Processes serving the port (node:cluster). More than one pays only where the gateway,
       * not the departments, runs out of CPU: each costs a whole process's memory.
       */
      /** The console's build (`npm run build -w @resident-graph/console`), served at `/`. */
      CONSOLE_DIR: z.string().min(1).default(DEFAULT_CONSOLE_DIR),
      /**
       * Development only: `POST /console/dev-sign-in` mints a 30-minute token for any role and
       * jurisdiction with the issuer's key. The default `npm start` turns it on; off otherwise.
       */
      CONSOLE_DEV_SIGN_IN: z.stringbool().default(false),
      GATEWAY_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
    },
    env,
  );
}
export type GatewaySettings = ReturnType<typeof loadGatewaySettings>;
