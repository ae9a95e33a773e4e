import type { IncomingMessage } from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { DepartmentAdapter } from '@resident-graph/adapter-kit';
import { createLogger, sendJson, serveGraphQL, type RunningServer } from '@resident-graph/service-kit';
import type { GraphQLSchema } from 'graphql';
import { formatSubgraphError } from './departmentErrors';
import { operationScoped } from './operationScoped';

export interface StartSubgraphOptions<TContext extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  port: number;
  host?: string;
  /** A new context per client operation (see `operationScoped`): DataLoaders must not outlive it. */
  context: (request: IncomingMessage) => Promise<TContext>;
  /** The department systems this subgraph reads: `/health` asks each of them. */
  adapters: DepartmentAdapter<unknown>[];
}

/**
 * Serves one subgraph: `/graphql`, `/health` (200 only when every department system it
 * reads answers) and `/__control/calls` (calls made to each system, for batching checks).
 */
export async function startSubgraph<TContext extends BaseContext>(options: StartSubgraphOptions<TContext>): Promise<RunningServer> {
  const logger = createLogger(`subgraph-${options.name}`);
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    formatError: formatSubgraphError,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // Federated traces are for Apollo's cloud reporting, which this system never uses.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const running = await serveGraphQL({
    apollo,
    port: options.port,
    host: options.host,
    context: operationScoped(options.context),
    routes: {
      '/health': async (_request, response) => {
        const results = await Promise.allSettled(options.adapters.map((adapter) => adapter.checkHealth()));
        const failures = results.flatMap((result, i) =>
          result.status === 'rejected' ? [{ department: options.adapters[i]!.department, error: String(result.reason) }] : [],
        );
        sendJson(response, failures.length === 0 ? 200 : 503, { status: failures.length === 0 ? 'ok' : 'degraded', failures });
      },
      '/__control/calls': (_request, response) => {
        sendJson(response, 200, Object.fromEntries(options.adapters.map((adapter) => [adapter.department, adapter.callsMade()])));
      },
    },
  });
  logger.info({ url: running.url }, 'subgraph ready');
  return running;
}
