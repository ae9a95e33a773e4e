import { createLogger, sendJson, serveGraphQL, type Route, type RunningServer } from '@resident-graph/service-kit';
import { checkReadiness, checkSubgraphs } from './checkSubgraphs';
import { consoleRoutes } from './console/serveConsole';
import { consoleConfigRoute, devSignInRoute } from './console/devSignIn';
import { createGateway } from './createGateway';
import { gatewayContextFactory } from './GatewayContext';
import { loadKey } from '@resident-graph/trust';
import type { GatewaySettings } from './settings';

/**
 * `/graphql`, `/health` (200 only when every subgraph answers), `/health/ready` (which
 * departments are degraded; `checkReadiness`), the console's built files at `/` and, with
 * CONSOLE_DEV_SIGN_IN, its development sign-in.
 */
export async function startGateway(settings: GatewaySettings): Promise<RunningServer> {
  const logger = createLogger('gateway');
  const { apollo, subgraphUrls } = createGateway(settings, logger);
  const [issuerPublicKey, gatewayPrivateKey] = await Promise.all([
    loadKey(settings.TRUST_KEYS_DIR, 'issuer', 'public'),
    loadKey(settings.TRUST_KEYS_DIR, 'gateway', 'private'),
  ]);
  // The issuer's private key is read only for the development sign-in, which only the default start turns on.
  const devSignIn: Record<string, Route> = settings.CONSOLE_DEV_SIGN_IN
    ? { '/console/dev-sign-in': devSignInRoute(await loadKey(settings.TRUST_KEYS_DIR, 'issuer', 'private')) }
    : {};
  if (settings.CONSOLE_DEV_SIGN_IN) logger.warn('CONSOLE_DEV_SIGN_IN is on: the console mints tokens for any role (development only)');
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
      ...consoleRoutes(settings.CONSOLE_DIR),
      '/console/config': consoleConfigRoute(settings.CONSOLE_DEV_SIGN_IN),
      ...devSignIn,
    },
  });
  logger.info({ url: running.url }, 'gateway ready');
  return running;
}
