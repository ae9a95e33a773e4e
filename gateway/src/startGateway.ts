import { createLogger, sendJson, serveGraphQL, type RunningServer } from '@resident-graph/service-kit';
import { checkReadiness, checkSubgraphs } from './checkSubgraphs';
import { consolePage } from './consolePage';
import { createGateway } from './createGateway';
import { gatewayContextFactory } from './GatewayContext';
import { loadKey } from '@resident-graph/trust';
import type { GatewaySettings } from './settings';

/**
 * `/graphql`, `/health` (200 only when every subgraph answers), `/health/ready` (which
 * departments are degraded; `checkReadiness`) and the console at `/`.
 */
export async function startGateway(settings: GatewaySettings): Promise<RunningServer> {
  const logger = createLogger('gateway');
  const { apollo, subgraphUrls } = createGateway(settings, logger);
  const [issuerPublicKey, gatewayPrivateKey] = await Promise.all([
    loadKey(settings.TRUST_KEYS_DIR, 'issuer', 'public'),
    loadKey(settings.TRUST_KEYS_DIR, 'gateway', 'private'),
  ]);
  const running = await serveGraphQL({
    apollo,
    port: settings.PORT,
    host: settings.HOST,
    maxBodyBytes: settings.MAX_BODY_BYTES,
    maxBatchOperations: settings.MAX_BATCH_OPERATIONS,
    context: gatewayContextFactory({ issuerPublicKey, gatewayPrivateKey }),
    routes: {
      '/health': async (_request, response) => {
        const subgraphs = await checkSubgraphs(subgraphUrls);
        const healthy = subgraphs.every((subgraph) => subgraph.reachable);
        sendJson(response, healthy ? 200 : 503, { status: healthy ? 'ok' : 'unavailable', subgraphs });
      },
      '/health/ready': async (_request, response) => {
        const { httpStatus, body } = await checkReadiness(subgraphUrls);
        sendJson(response, httpStatus, body);
      },
      '/': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(consolePage);
      },
    },
  });
  logger.info({ url: running.url }, 'gateway ready');
  return running;
}
