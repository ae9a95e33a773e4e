export { loadGatewaySettings, type GatewaySettings } from './settings';
export { createGateway, type Gateway } from './createGateway';
export { startGateway } from './startGateway';
export { depthLimit } from './depthLimit';
export { SubgraphDataSource } from './SubgraphDataSource';
export type { GatewayContext } from './GatewayContext';
export { useCitizenIdValidation } from './plugins/useCitizenIdValidation';
