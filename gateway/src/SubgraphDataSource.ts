import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
// The enum is public API (`kind` is documented) but not re-exported from the package root.
// eslint-disable-next-line no-restricted-imports -- @apollo/gateway exports the request options' types but not the enum that tells them apart
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { injectTraceContext, traceCall } from '@resident-graph/service-kit';
import { GATEWAY_CONTEXT_HEADER } from '@resident-graph/trust';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from './GatewayContext';
import { nullEntities } from './nullEntities';

type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

interface SubgraphBody {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  fetcher: Fetcher;
}

// Apollo's mapping of a refusing status, for a subgraph body that names no code of its own.
const CODE_OF_STATUS: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN' };

const isBody = (value: unknown): value is SubgraphBody => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * One subgraph, over the gateway's kept-alive fetcher. Forwards the verified caller,
 * purpose and ids as a gateway-signed context (the only thing subgraphs trust) made for
 * this one fetch: bound to its body, with an id the subgraph takes only once. Keeps a
 * subgraph's own error code when it refuses a fetch with a non-2xx status, and names the
 * subgraph when it cannot be reached or answers with something that is not GraphQL. A
 * failed entity fetch answers its fields as null beside the error (`nullEntities`); a
 * failed root fetch fails as a whole.
 *
 * Apollo's RemoteGraphQLDataSource does the same round trip but also builds a node-fetch
 * Request and Headers per fetch for hooks the gateway does not use; that was a twelfth of
 * the gateway's CPU per full record (docs/performance.md).
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(private readonly options: SubgraphDataSourceOptions) {}

  get url(): string {
    return this.options.url;
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    const body = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName, extensions: request.extensions });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.kind === GraphQLDataSourceRequestKind.INCOMING_OPERATION) {
      headers[GATEWAY_CONTEXT_HEADER] = await options.context.signFor(body);
      headers['x-request-id'] = options.context.requestId;
    }

    try {
      return await traceCall(`subgraph ${this.options.name}`, { 'resident_graph.subgraph': this.options.name }, () =>
        this.send(injectTraceContext(headers), body),
      );
    } catch (error) {
      const representations = request.variables?.representations;
      if (!(error instanceof GraphQLError) || !Array.isArray(representations)) throw error;
      return { data: { _entities: nullEntities(request.query, representations) }, errors: [error.toJSON()] };
    }
  }

  /** The subgraph's answer, or a GraphQLError naming why there is none. */
  private async send(headers: Record<string, string>, body: string): Promise<SubgraphResponse> {
    let response: FetcherResponse;
    try {
      response = await this.options.fetcher(this.url, { method: 'POST', headers, body });
    } catch (error) {
      throw new GraphQLError(`subgraph ${this.options.name} cannot be reached: ${error instanceof Error ? error.message : String(error)}`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
      });
    }
    const text = await response.text();
    const parsed = parseBody(text);
    if (!response.ok) throw this.refusal(response, parsed);
    if (!isBody(parsed) || (parsed.data === undefined && parsed.errors === undefined)) {
      throw new GraphQLError(`subgraph ${this.options.name} answered with a body that is not a GraphQL response`, {
        extensions: { code: 'SUBGRAPH_BAD_RESPONSE', status: response.status },
      });
    }
    return { data: parsed.data, errors: parsed.errors, extensions: parsed.extensions };
  }

  /** The subgraph's own first error, with its code and the status; else the status alone. */
  private refusal(response: FetcherResponse, body: unknown): GraphQLError {
    const first = isBody(body) ? body.errors?.[0] : undefined;
    if (typeof first?.extensions?.code === 'string') {
      return new GraphQLError(first.message ?? `${response.status}: ${response.statusText}`, { extensions: { ...first.extensions, status: response.status } });
    }
    return new GraphQLError(`${response.status}: ${response.statusText}`, {
      extensions: { code: CODE_OF_STATUS[response.status] ?? 'INTERNAL_SERVER_ERROR', status: response.status },
    });
  }
}
