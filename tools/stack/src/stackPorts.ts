export interface StackPorts {
  gateway: number;
  postgres: number;
  publicSecuritySubgraph: number;
  civilAffairsSubgraph: number;
  familyPlanningSubgraph: number;
  labourSubgraph: number;
  gridSubgraph: number;
  auditSubgraph: number;
  publicSecurityStandIn: number;
  familyPlanningStandIn: number;
  labourStandIn: number;
}

/** The defaults of `npm start` (docs/architecture.md). */
export const DEFAULT_PORTS: StackPorts = {
  gateway: 4000,
  postgres: 4432,
  publicSecuritySubgraph: 4101,
  civilAffairsSubgraph: 4102,
  familyPlanningSubgraph: 4103,
  labourSubgraph: 4104,
  gridSubgraph: 4105,
  auditSubgraph: 4106,
  publicSecurityStandIn: 4201,
  familyPlanningStandIn: 4203,
  labourStandIn: 4204,
};
