import { buildSubgraphSchema } from '@apollo/subgraph';
// eslint-disable-next-line no-restricted-imports -- @apollo/subgraph takes this resolver map type in buildSubgraphSchema but exports only the function
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph's SDL as published (checked in under `schemas/subgraphs/`). */
  sdl: string;
}

/**
 * type-graphql builds the schema code-first; Federation needs it as SDL with the
 * `@link` header, re-built by `buildSubgraphSchema` with type-graphql's resolvers
 * merged with the entities' `__resolveReference`s.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: GraphQLResolverMap<unknown> = {},
): Promise<FederatedSchema> {
  const codeFirst = await buildSchema({ ...options, skipCheck: true });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(codeFirst)}\n`;
  const resolvers = createResolversMap(codeFirst) as GraphQLResolverMap<unknown>;
  for (const [typeName, fields] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(fields as object) } as GraphQLResolverMap<unknown>[string];
  }
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers }]);
  return { schema, sdl };
}
