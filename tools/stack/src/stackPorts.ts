import { DEPARTMENTS, SUBGRAPHS } from '@resident-graph/registry';

export interface StackPorts {
  gateway: number;
  postgres: number;
  /** Subgraph name → port. */
  subgraphs: Record<string, number>;
  /** Department id → port of its stand-in, for the departments whose stand-in is a server. */
  standIns: Record<string, number>;
}

/** The defaults of `npm start` (docs/architecture.md), as the registry assigns them. */
export const DEFAULT_PORTS: StackPorts = {
  gateway: 4000,
  postgres: 4432,
  subgraphs: Object.fromEntries(SUBGRAPHS.map((subgraph) => [subgraph.name, subgraph.port])),
  standIns: Object.fromEntries(DEPARTMENTS.flatMap(({ id, standIn }) => (standIn.kind === 'server' ? [[id, standIn.port]] : []))),
};

/** Every port of the stack, each taken from `take` in a fixed order (tests and the bench take free ones). */
export function assignPorts(take: () => number): StackPorts {
  const assign = (names: Record<string, number>) => Object.fromEntries(Object.keys(names).map((name) => [name, take()]));
  return { gateway: take(), postgres: take(), subgraphs: assign(DEFAULT_PORTS.subgraphs), standIns: assign(DEFAULT_PORTS.standIns) };
}

/** How many ports `assignPorts` takes. */
export const PORT_COUNT = 2 + Object.keys(DEFAULT_PORTS.subgraphs).length + Object.keys(DEFAULT_PORTS.standIns).length;
