import cluster from 'node:cluster';
import v8 from 'node:v8';
import { createLogger, onShutdown, startTracing } from '@resident-graph/service-kit';
import { loadGatewaySettings } from './settings';
import { startGateway } from './startGateway';
import { startWorkers } from './startWorkers';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
// V8 sizes its heap limit for the machine (gigabytes) and so lets a busy gateway's heap swell
// to several times the ~70 MB it keeps alive before a full collection. Growing by half each
// time kept the peak resident set a third lower at the same CPU (docs/performance.md). The
// flag is read at every collection, so setting it here, before the load, takes effect.
v8.setFlagsFromString('--heap-growing-percent=50');

const settings = loadGatewaySettings();
startTracing('gateway');

if (cluster.isPrimary && settings.GATEWAY_WORKERS > 1) {
  const workers = startWorkers(settings.GATEWAY_WORKERS, createLogger('gateway'));
  onShutdown((graceMs) => workers.stop(graceMs), { component: 'gateway' });
} else {
  startGateway(settings).then(
    (running) => onShutdown(() => running.close(), { component: 'gateway' }),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
