import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPHS } from '@resident-graph/registry';

export interface ComposedSupergraph {
  /** Subgraph name → its SDL as published. */
  subgraphSdls: Map<string, string>;
  supergraphSdl: string;
}

export class CompositionError extends Error {}

/**
 * Builds each registered subgraph's SDL from its code and composes them with Federation 2
 * rules, each at the URL `npm start` gives it (the checked-in supergraph names those).
 */
export async function composeSupergraph(): Promise<ComposedSupergraph> {
  const subgraphSdls = new Map<string, string>();
  for (const subgraph of SUBGRAPHS) subgraphSdls.set(subgraph.name, (await (await subgraph.load()).buildSchema()).sdl);
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
