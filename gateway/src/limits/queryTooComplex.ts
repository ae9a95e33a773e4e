import { GraphQLError } from 'graphql';

/**
 * The refusal of an operation over one of the gateway's limits: `QUERY_TOO_COMPLEX`,
 * HTTP 400, naming the setting that refused it so a caller knows what to change.
 */
export function queryTooComplex(message: string, setting: string, limit: number): GraphQLError {
  return new GraphQLError(`${message} (the gateway's ${setting} is ${limit})`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit: setting, maximum: limit, http: { status: 400 } },
  });
}
