import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import type { GatewaySettings } from '../settings';
import { keepLimitCodes } from './keepLimitCodes';
import { queryLimitRules } from './queryLimitRules';
import { useCostLimit } from './useCostLimit';

type LimitSettings = Pick<GatewaySettings, 'MAX_QUERY_DEPTH' | 'MAX_ALIASES' | 'MAX_DIRECTIVES' | 'MAX_QUERY_COST' | 'MAX_TOKENS' | 'INTROSPECTION'>;

/**
 * What an Apollo Server needs to hold the gateway's limits on every operation: parse
 * stops at MAX_TOKENS, validation refuses depth, aliases and directives over theirs, the
 * resolved operation is refused over MAX_QUERY_COST, every refusal answers
 * `QUERY_TOO_COMPLEX` naming its setting. Introspection and "did you mean" suggestions
 * (which spell out the schema to a stranger) only when INTROSPECTION is on.
 */
export function gatewayLimits(settings: LimitSettings) {
  return {
    parseOptions: { maxTokens: settings.MAX_TOKENS },
    validationRules: queryLimitRules(settings),
    plugins: [useCostLimit(settings.MAX_QUERY_COST)],
    formatError: keepLimitCodes,
    introspection: settings.INTROSPECTION,
    hideSchemaDetailsFromClientErrors: !settings.INTROSPECTION,
  } satisfies Partial<ApolloServerOptions<BaseContext>>;
}
