import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { queryTooComplex } from './queryTooComplex';

const pageSize = (args: Record<string, unknown>): number => {
  const size = typeof args.first === 'number' ? args.first : args.last;
  return typeof size === 'number' && size > 1 ? size : 1;
};

/** A field costs 1 plus what it selects, times its page size: a page of pages multiplies. */
export const pagedCost: ComplexityEstimator = ({ args, childComplexity }) => (1 + childComplexity) * pageSize(args);

/**
 * Refuses an operation whose estimated cost is over `maxCost` before any subgraph is
 * asked. It runs once the operation is resolved, with the request's variables, so a page
 * size passed as `first: $n` counts as much as one written in the query.
 */
export function useCostLimit(maxCost: number): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: operationName ?? undefined,
              estimators: [pagedCost],
            });
          } catch (error) {
            // Only variables that do not fit their types get here.
            throw new GraphQLError(error instanceof Error ? error.message : String(error), { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
          }
          if (cost > maxCost) throw queryTooComplex(`the operation's estimated cost is ${cost}`, 'MAX_QUERY_COST', maxCost);
        },
      };
    },
  };
}
