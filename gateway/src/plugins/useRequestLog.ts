import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '@resident-graph/service-kit';
import type { GatewayContext } from '../GatewayContext';

/**
 * One log line per operation under the gateway's request id (the one subgraphs log and
 * audit under), with the caller's own `X-Request-Id` beside it for correlation, the codes
 * of any errors, and the time taken.
 */
export function useRequestLog(logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ response, operationName }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          logger.info(
            {
              requestId: contextValue.requestId,
              clientRequestId: contextValue.clientRequestId,
              operationId: contextValue.operationId,
              subject: contextValue.caller.subject,
              operationName,
              errorCodes: errors.map((error) => error.extensions?.code ?? null),
              ms: Math.round(performance.now() - started),
            },
            'operation answered',
          );
        },
      };
    },
  };
}
