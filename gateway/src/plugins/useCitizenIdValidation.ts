import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, TypeInfo, getNamedType, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema, type TypeNode } from 'graphql';
import { normalizeCitizenId } from '@resident-graph/schemas';

const SCALAR = 'CitizenId';

function namedTypeOf(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type);
}

function invalid(value: unknown, where: string): GraphQLError | null {
  const values = Array.isArray(value) ? value : [value];
  for (const candidate of values) {
    if (candidate === null || candidate === undefined) continue;
    const result = typeof candidate === 'string' ? normalizeCitizenId(candidate) : ({ ok: false, problem: 'NOT_A_STRING' } as const);
    if (!result.ok) {
      return new GraphQLError(`${where}: "${String(candidate)}" is not a valid citizen ID (${result.problem})`, {
        extensions: { code: 'INVALID_CITIZEN_ID', problem: result.problem, http: { status: 400 } },
      });
    }
  }
  return null;
}

function literalProblems(document: DocumentNode, schema: GraphQLSchema): GraphQLError | null {
  const typeInfo = new TypeInfo(schema);
  let found: GraphQLError | null = null;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const type = typeInfo.getInputType();
        if (found || !type || getNamedType(type).name !== SCALAR) return;
        const literals = node.value.kind === Kind.LIST ? node.value.values : [node.value];
        for (const literal of literals) {
          if (literal.kind === Kind.VARIABLE || literal.kind === Kind.NULL) continue;
          found ??= invalid(literal.kind === Kind.STRING ? literal.value : `(${literal.kind})`, `argument ${node.name.value}`);
        }
      },
    }),
  );
  return found;
}

/** A document's literals do not change: check each parsed document once (Apollo reuses it). */
function cachedLiteralProblems(): (document: DocumentNode, schema: GraphQLSchema) => GraphQLError | null {
  const checked = new WeakMap<DocumentNode, { schema: GraphQLSchema; problem: GraphQLError | null }>();
  return (document, schema) => {
    const known = checked.get(document);
    if (known?.schema === schema) return known.problem;
    const problem = literalProblems(document, schema);
    checked.set(document, { schema, problem });
    return problem;
  };
}

/**
 * Checks every citizen ID an operation carries — in variables or written in the query —
 * before any subgraph is asked, so a bad ID answers `INVALID_CITIZEN_ID` (HTTP 400) at
 * the edge instead of as a failed subgraph fetch.
 */
export function useCitizenIdValidation(): ApolloServerPlugin {
  const literalProblemsOf = cachedLiteralProblems();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          for (const definition of operation?.variableDefinitions ?? []) {
            if (namedTypeOf(definition.type) !== SCALAR) continue;
            const name = definition.variable.name.value;
            const problem = invalid(request.variables?.[name], `variable $${name}`);
            if (problem) throw problem;
          }
          const problem = literalProblemsOf(document, schema);
          if (problem) throw problem;
        },
      };
    },
  };
}
