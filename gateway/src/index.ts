export { loadGatewaySettings, type GatewaySettings } from './settings';
export { createGateway, type Gateway } from './createGateway';
export { startGateway } from './startGateway';
export { gatewayLimits } from './limits/gatewayLimits';
export { SubgraphDataSource, type SubgraphDataSourceOptions } from './SubgraphDataSource';
export { createSubgraphFetcher } from './createSubgraphFetcher';
export type { GatewayContext } from './GatewayContext';
export { useCitizenIdValidation } from './plugins/useCitizenIdValidation';
