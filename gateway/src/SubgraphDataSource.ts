import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
// The enum is public API (`kind` is documented) but not re-exported from the package root.
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import type { GatewayContext } from './GatewayContext';

/** Forwards the request id, the operation id and the caller's stated purpose to every subgraph fetch. */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) return;
    const { requestId, operationId, purpose } = options.context;
    options.request.http?.headers.set('x-request-id', requestId);
    options.request.http?.headers.set('x-operation-id', operationId);
    if (purpose) options.request.http?.headers.set('x-purpose', purpose);
  }
}
