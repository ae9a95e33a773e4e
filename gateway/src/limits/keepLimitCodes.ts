import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';

// graphql-js's wording when the parser's `maxTokens` stops it ("more that" in 16.x, which a
// fix may correct); the parser's error has no code of its own.
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;

/**
 * Apollo Server re-codes every validation error `GRAPHQL_VALIDATION_FAILED` and every
 * parse error `GRAPHQL_PARSE_FAILED`, whatever the rule that raised it said: put back
 * `QUERY_TOO_COMPLEX` (and the limit named) for the gateway's own limits.
 */
export function keepLimitCodes(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (original instanceof GraphQLError && original.extensions.code === 'QUERY_TOO_COMPLEX') {
    const { http: _http, ...extensions } = original.extensions;
    return { ...formatted, extensions: { ...formatted.extensions, ...extensions } };
  }
  const tokens = formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' ? TOO_MANY_TOKENS.exec(formatted.message) : null;
  if (tokens) {
    return {
      message: `the document has more than ${tokens[1]} tokens (the gateway's MAX_TOKENS is ${tokens[1]})`,
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'MAX_TOKENS', maximum: Number(tokens[1]) },
    };
  }
  return formatted;
}
