import { onShutdown } from '@resident-graph/service-kit';
import { loadGatewaySettings } from './settings';
import { startGateway } from './startGateway';

process.env.APOLLO_TELEMETRY_DISABLED = '1';

startGateway(loadGatewaySettings()).then(
  (running) => onShutdown(() => running.close()),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
