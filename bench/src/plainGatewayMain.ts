import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { z } from 'zod';
import { loadSettings, portSetting } from '@resident-graph/service-kit';
import { GATEWAY_CONTEXT_HEADER } from '@resident-graph/trust';

process.env.APOLLO_TELEMETRY_DISABLED = '1';

interface ForwardedContext {
  /** The signed context the client brought (the benchmark signs one per request). */
  forwarded?: string;
}

/**
 * The yardstick: Apollo Gateway and Apollo Server as their documentation sets them up, every
 * setting at its default, over the checked-in supergraph. Only the subgraph URLs differ (the
 * benchmark's subgraphs listen on free ports), and the signed context our subgraphs demand
 * is passed through from the client: this gateway authenticates no one.
 */
const settings = loadSettings('plain-gateway', {
  PORT: portSetting(4300),
  SUPERGRAPH_PATH: z.string().min(1),
  SUBGRAPH_URLS: z.string().transform((raw) => z.record(z.string(), z.url()).parse(JSON.parse(raw))),
});

class ForwardingDataSource extends RemoteGraphQLDataSource<ForwardedContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<ForwardedContext>): void {
    if (context.forwarded) request.http?.headers.set(GATEWAY_CONTEXT_HEADER, context.forwarded);
  }
}

const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(settings.SUPERGRAPH_PATH, 'utf8'),
  buildService: ({ name, url }) => new ForwardingDataSource({ url: settings.SUBGRAPH_URLS[name] ?? url }),
});

startStandaloneServer(new ApolloServer<ForwardedContext>({ gateway }), {
  listen: { port: settings.PORT, host: '127.0.0.1' },
  context: async ({ req }) => {
    const header = req.headers[GATEWAY_CONTEXT_HEADER];
    return { forwarded: Array.isArray(header) ? header[0] : header };
  },
}).then(
  ({ url }) => console.log(`plain gateway ready at ${url}`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
