import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import type { QueryPlan } from './queryPlan';
import type { HeaderSource } from './requestHeaders';
import type { GraphQLBody } from './workloads';

/** One request the gateway sent to a subgraph while it answered one client operation. */
export interface SubgraphFetch {
  subgraph: string;
  url: string;
  body: GraphQLBody;
  /** What the subgraph answered (JSON), for the in-memory replay. */
  response: string;
}

export interface RecordedWorkload {
  /** The query plan the gateway made for the workload's query. */
  plan: QueryPlan;
  /** Per operation, the fetches in the order they were sent. */
  operations: SubgraphFetch[][];
}

interface Recording {
  /** What the gateway would forward for this operation. */
  headers: Record<string, string>;
  fetches: SubgraphFetch[];
}

class RecordingDataSource extends RemoteGraphQLDataSource {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly recording: () => Recording,
  ) {
    super({ url });
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions): void {
    for (const [name, value] of Object.entries(this.recording().headers)) options.request.http?.headers.set(name, value);
  }

  override async process(options: GraphQLDataSourceProcessOptions) {
    const fetch: SubgraphFetch = {
      subgraph: this.subgraph,
      url: this.url,
      body: { query: options.request.query ?? '', variables: { ...options.request.variables } },
      response: '',
    };
    this.recording().fetches.push(fetch);
    const { data, errors } = await super.process(options);
    fetch.response = JSON.stringify({ data, errors });
    return { data, errors };
  }
}

/**
 * Answers each operation once through an in-process gateway over the running subgraphs and
 * keeps the query plan and the subgraph requests it sent, so they can be replayed without a
 * gateway. Every operation must be answered without errors.
 */
export async function recordSubgraphFetches(
  supergraphSdl: string,
  subgraphUrls: Map<string, string>,
  operations: GraphQLBody[],
  forwarded: HeaderSource,
): Promise<RecordedWorkload> {
  let recording: Recording = { headers: {}, fetches: [] };
  let plan: QueryPlan | undefined;
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => new RecordingDataSource(name, subgraphUrls.get(name) ?? '', () => recording),
    experimental_didResolveQueryPlan: ({ queryPlan }) => {
      plan ??= queryPlan as QueryPlan;
    },
  });
  const apollo = new ApolloServer({ gateway, logger: { debug() {}, info() {}, warn() {}, error() {} } });
  await apollo.start();
  try {
    const recorded: SubgraphFetch[][] = [];
    for (const operation of operations) {
      recording = { headers: forwarded(), fetches: [] };
      const response = await apollo.executeOperation(operation);
      if (response.body.kind !== 'single' || response.body.singleResult.errors) {
        throw new Error(`recording subgraph fetches: the operation failed: ${JSON.stringify(response.body).slice(0, 500)}`);
      }
      recorded.push(recording.fetches);
    }
    if (!plan) throw new Error('recording subgraph fetches: the gateway made no query plan');
    return { plan, operations: recorded };
  } finally {
    await apollo.stop();
  }
}
