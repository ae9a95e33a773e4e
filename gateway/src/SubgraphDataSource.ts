import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
// The enum is public API (`kind` is documented) but not re-exported from the package root.
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './GatewayContext';

interface GraphQLErrorBody {
  errors?: { message?: string; extensions?: { code?: unknown } }[];
}

/**
 * Forwards the request id, the operation id and the caller's stated purpose to every
 * subgraph fetch, and keeps a subgraph's own error code when it refuses a fetch with a
 * non-2xx status (Apollo's default reports only the status).
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) return;
    const { requestId, operationId, purpose } = options.context;
    options.request.http?.headers.set('x-request-id', requestId);
    options.request.http?.headers.set('x-operation-id', operationId);
    if (purpose) options.request.http?.headers.set('x-purpose', purpose);
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
