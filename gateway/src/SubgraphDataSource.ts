import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
// The enum is public API (`kind` is documented) but not re-exported from the package root.
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import { GATEWAY_CONTEXT_HEADER } from '@resident-graph/trust';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './GatewayContext';

interface GraphQLErrorBody {
  errors?: { message?: string; extensions?: { code?: unknown } }[];
}

/**
 * Forwards the verified caller, purpose and ids as one gateway-signed context (the only
 * thing subgraphs trust), and keeps a subgraph's own error code when it refuses a fetch
 * with a non-2xx status (Apollo's default reports only the status).
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) return;
    const headers = options.request.http?.headers;
    headers?.set(GATEWAY_CONTEXT_HEADER, await options.context.forwardedContext);
    headers?.set('x-request-id', options.context.requestId);
  }

  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const error = await super.errorFromResponse(response);
    const body = (error.extensions.response as { body?: GraphQLErrorBody } | undefined)?.body;
    const first = typeof body === 'object' ? body?.errors?.[0] : undefined;
    if (typeof first?.extensions?.code !== 'string') return error;
    return new GraphQLError(first.message ?? error.message, {
      extensions: { ...first.extensions, status: response.status },
    });
  }
}
