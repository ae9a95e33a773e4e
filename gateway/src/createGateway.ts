import { readFileSync } from 'node:fs';
import { ApolloGateway, type ServiceEndpointDefinition } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import type { Logger } from '@resident-graph/service-kit';
import { createSubgraphFetcher } from './createSubgraphFetcher';
import { gatewayLimits } from './limits/gatewayLimits';
import { useCitizenIdValidation } from './plugins/useCitizenIdValidation';
import { useRequestLog } from './plugins/useRequestLog';
import type { GatewayContext } from './GatewayContext';
import type { GatewaySettings } from './settings';
import { SubgraphDataSource } from './SubgraphDataSource';

export interface Gateway {
  apollo: ApolloServer<GatewayContext>;
  /** Subgraph name → URL actually used (the supergraph's, or the override). */
  subgraphUrls: Map<string, string>;
}

/**
 * The supergraph comes from a file: no schema registry, no uplink, no usage reporting
 * (APOLLO_TELEMETRY_DISABLED is set by every script that starts the gateway).
 */
export function createGateway(settings: GatewaySettings, logger: Logger): Gateway {
  const supergraphSdl = readFileSync(settings.SUPERGRAPH_PATH, 'utf8');
  const subgraphUrls = new Map<string, string>();
  const fetcher = createSubgraphFetcher();
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService({ name, url }: ServiceEndpointDefinition) {
      const target = settings.SUBGRAPH_URLS[name] ?? url;
      if (!target) throw new Error(`subgraph ${name} has no URL in the supergraph and no override in SUBGRAPH_URLS`);
      subgraphUrls.set(name, target);
      return new SubgraphDataSource({ name, url: target, fetcher });
    },
  });
  const limits = gatewayLimits(settings);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    ...limits,
    plugins: [...limits.plugins, useCitizenIdValidation(), useRequestLog(logger)],
    allowBatchedHttpRequests: settings.MAX_BATCH_OPERATIONS > 1,
    includeStacktraceInErrorResponses: false,
    // onShutdown owns SIGTERM: Apollo's own handler would stop it at once and raise the signal again, cutting requests in flight.
    stopOnTerminationSignals: false,
  });
  return { apollo, subgraphUrls };
}
