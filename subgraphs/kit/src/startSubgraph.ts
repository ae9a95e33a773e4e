import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { ChangeApplier, DepartmentAdapter } from '@resident-graph/adapter-kit';
import { createLogger, sendJson, serveGraphQL, testControlRoutes, type RunningServer } from '@resident-graph/service-kit';
import { loadKey, loadTrustSettings, memoryReplayGuard, type KeyLike, type KeyOwner } from '@resident-graph/trust';
import type { GraphQLSchema } from 'graphql';
import { formatSubgraphError } from './departmentErrors';
import { applyPolicy, type PolicedContext } from './policy/applyPolicy';
import type { SubgraphPolicy } from './policy/Policy';
import type { JurisdictionIndex } from './policy/jurisdictionIndex';
import { createPlacements } from './policy/placements';
import { ServedRecord } from './policy/ServedRecord';
import { useAuditTrail, type AuditWriter } from './policy/useAuditTrail';
import { contextBindingFromEnv } from './contextBinding';
import { trustedContext } from './SubgraphContext';
import { readinessOf } from './readiness';
import { KEY_SET_PATH, keySetRoute } from './statistics/keySetRoute';
import type { StatisticsSource } from './statistics/keySets';
import { changeRoutes } from './changes/changeRoutes';

export interface StartSubgraphOptions<TContext extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  port: number;
  host?: string;
  /** A new context per client operation (see `operationScoped`): DataLoaders must not outlive it. */
  context: (request: IncomingMessage) => Promise<TContext>;
  /** The department systems this subgraph reads: `/health/ready` reports each one's circuit breaker. */
  adapters: DepartmentAdapter<unknown>[];
  /**
   * Where residents and households are (the grid database's jurisdiction index), for
   * policies that check jurisdiction with `residentPlacement` / `householdPlacement`.
   * @default none: every such check is refused
   */
  jurisdiction?: JurisdictionIndex;
  /** Who may read what: put in force on `schema` before it serves anything. */
  policy: SubgraphPolicy<TContext & PolicedContext>;
  /** Where each request's access entry goes. */
  audit: AuditWriter;
  /** The key the gateway signs forwarded context with. @default the `gateway` public key in `TRUST_KEYS_DIR` */
  gatewayPublicKey?: KeyLike;
  /** The department's facts for analysts' statistics, served as key sets on `/statistics/key-sets`. @default no such route */
  statistics?: StatisticsSource;
  /** The key the statistics service signs its requests with. @default the `statistics` public key in `TRUST_KEYS_DIR` */
  statisticsPublicKey?: KeyLike;
  /** The department's adapter when it applies reported changes: served on `/changes/deliveries` and `/changes/checks` (`changeRoutes`). @default no such routes */
  changes?: ChangeApplier;
  /** The key the changes service signs its deliveries with. @default the `changes` public key in `TRUST_KEYS_DIR` */
  changesPublicKey?: KeyLike;
}

const unplaced = (): never => {
  throw new Error('this subgraph has no jurisdiction index: its jurisdiction checks refuse');
};
const NO_JURISDICTION_INDEX: JurisdictionIndex = {
  placeResidents: async () => unplaced(),
  placeHouseholds: async () => unplaced(),
  close: async () => undefined,
};

/**
 * Serves one subgraph: `/graphql` (only to requests the gateway signed, under the
 * subgraph's policy, every personal read audited), `/health` (liveness: 200 while the
 * process serves, whatever its departments do), `/health/ready` (503 naming the department
 * while its circuit breaker is open; `readinessOf`) and, in test runs only (`TEST_CONTROL_ROUTES=1`),
 * `/__control/calls` (calls made to each system, for batching checks).
 */
export async function startSubgraph<TContext extends BaseContext>(options: StartSubgraphOptions<TContext>): Promise<RunningServer> {
  const logger = createLogger(`subgraph-${options.name}`);
  const keysDir = () => loadTrustSettings(`subgraph-${options.name}`).TRUST_KEYS_DIR;
  const gatewayPublicKey = options.gatewayPublicKey ?? (await loadKey(keysDir(), 'gateway', 'public'));
  const binding = contextBindingFromEnv(`subgraph-${options.name}`);
  // Loaded on the first request, so a subgraph started before the statistics or changes service's key exists still serves.
  const lazyKey = (given: KeyLike | undefined, owner: KeyOwner) => {
    let key: Promise<KeyLike> | undefined;
    return () =>
      (key ??= given
        ? Promise.resolve(given)
        : loadKey(keysDir(), owner, 'public').catch((error: unknown) => {
            key = undefined;
            throw error;
          }));
  };
  const replayGuard = binding?.replayGuard ?? memoryReplayGuard();
  const trusted = trustedContext(options.context, gatewayPublicKey, binding);
  const jurisdiction = options.jurisdiction ?? NO_JURISDICTION_INDEX;
  const apollo = new ApolloServer<TContext & PolicedContext>({
    schema: applyPolicy(options.schema, options.policy),
    formatError: formatSubgraphError,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // onShutdown owns SIGTERM: Apollo's own handler would stop it at once and raise the signal again, cutting requests in flight.
    stopOnTerminationSignals: false,
    // Federated traces are for Apollo's cloud reporting, which this system never uses. Cache
    // hints are for HTTP caches, which no answer about a person may enter; with them off no
    // plugin watches single fields, and Apollo no longer wraps every resolver to call one.
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), useAuditTrail(options.name, options.audit, logger)],
  });
  const running = await serveGraphQL({
    apollo,
    port: options.port,
    host: options.host,
    context: async (request, body) => ({ ...(await trusted(request, body)), served: new ServedRecord(), placements: createPlacements(jurisdiction) }),
    routes: {
      '/health': (_request, response) => sendJson(response, 200, { status: 'ok' }),
      '/health/ready': (_request, response) => {
        const { httpStatus, body } = readinessOf(options.adapters);
        sendJson(response, httpStatus, body);
      },
      ...(options.statistics && {
        [KEY_SET_PATH]: keySetRoute({
          department: options.name,
          source: options.statistics,
          statisticsPublicKey: lazyKey(options.statisticsPublicKey, 'statistics'),
          replayGuard,
          logger,
        }),
      }),
      ...(options.changes &&
        changeRoutes({
          department: options.name,
          applier: options.changes,
          changesPublicKey: lazyKey(options.changesPublicKey, 'changes'),
          replayGuard,
          audit: options.audit,
          logger,
        })),
      ...(testControlRoutes(`subgraph-${options.name}`) && {
        '/__control/calls': (_request: IncomingMessage, response: ServerResponse) => {
          sendJson(response, 200, Object.fromEntries(options.adapters.map((adapter) => [adapter.department, adapter.callsMade()])));
        },
      }),
    },
  });
  logger.info({ url: running.url }, 'subgraph ready');
  return {
    ...running,
    async close() {
      await running.close();
      await replayGuard.close();
    },
  };
}
