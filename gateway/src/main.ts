import cluster from 'node:cluster';
import { createLogger, onShutdown } from '@resident-graph/service-kit';
import { loadGatewaySettings } from './settings';
import { startGateway } from './startGateway';
import { startWorkers } from './startWorkers';

process.env.APOLLO_TELEMETRY_DISABLED = '1';

const settings = loadGatewaySettings();

if (cluster.isPrimary && settings.GATEWAY_WORKERS > 1) {
  const workers = startWorkers(settings.GATEWAY_WORKERS, createLogger('gateway'));
  onShutdown(() => workers.stop());
} else {
  startGateway(settings).then(
    (running) => onShutdown(() => running.close()),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
