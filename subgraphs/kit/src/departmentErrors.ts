import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DepartmentError } from '@resident-graph/adapter-kit';

/**
 * A department failing answers its section with `null` and this error: the rest of the
 * record is still served.
 */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof DepartmentError) {
    return new GraphQLError(error.message, { extensions: { code: error.code, department: error.department } });
  }
  if (error instanceof GraphQLError) return error;
  return new GraphQLError('internal error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

/**
 * Keeps the code an input error was raised with (e.g. `INVALID_CITIZEN_ID` from the
 * scalar) where graphql-js wraps it in a generic variable-coercion error.
 */
export function formatSubgraphError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as GraphQLError | undefined)?.originalError;
  if (original instanceof GraphQLError && typeof original.extensions.code === 'string') {
    return { ...formatted, extensions: { ...formatted.extensions, ...original.extensions } };
  }
  return formatted;
}
