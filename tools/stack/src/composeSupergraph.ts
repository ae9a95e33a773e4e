import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { buildAuditSchema } from '@resident-graph/subgraph-audit';
import { civilAffairsSubgraph } from '@resident-graph/subgraph-civil-affairs';
import { familyPlanningSubgraph } from '@resident-graph/subgraph-family-planning';
import { buildGridSchema } from '@resident-graph/subgraph-grid';
import { labourSubgraph } from '@resident-graph/subgraph-labour';
import { buildPublicSecuritySchema } from '@resident-graph/subgraph-public-security';
import { DEFAULT_PORTS } from './stackPorts';

/** Every subgraph with the URL the checked-in supergraph names (the `npm start` default). */
const SUBGRAPHS = [
  { name: 'public-security', port: DEFAULT_PORTS.publicSecuritySubgraph, build: buildPublicSecuritySchema },
  { name: 'civil-affairs', port: DEFAULT_PORTS.civilAffairsSubgraph, build: civilAffairsSubgraph.buildSchema },
  { name: 'family-planning', port: DEFAULT_PORTS.familyPlanningSubgraph, build: familyPlanningSubgraph.buildSchema },
  { name: 'labour', port: DEFAULT_PORTS.labourSubgraph, build: labourSubgraph.buildSchema },
  { name: 'grid', port: DEFAULT_PORTS.gridSubgraph, build: buildGridSchema },
  { name: 'audit', port: DEFAULT_PORTS.auditSubgraph, build: buildAuditSchema },
] as const;

export interface ComposedSupergraph {
  /** Subgraph name → its SDL as published. */
  subgraphSdls: Map<string, string>;
  supergraphSdl: string;
}

export class CompositionError extends Error {}

/** Builds each subgraph's SDL from its code and composes them with Federation 2 rules. */
export async function composeSupergraph(): Promise<ComposedSupergraph> {
  const subgraphSdls = new Map<string, string>();
  for (const subgraph of SUBGRAPHS) subgraphSdls.set(subgraph.name, (await subgraph.build()).sdl);
  const result = composeServices(
    SUBGRAPHS.map((subgraph) => ({
      name: subgraph.name,
      url: `http://127.0.0.1:${subgraph.port}/graphql`,
      typeDefs: parse(subgraphSdls.get(subgraph.name)!),
    })),
  );
  if (result.errors) {
    throw new CompositionError(`composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return { subgraphSdls, supergraphSdl: result.supergraphSdl };
}
