import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import type { GatewaySettings } from '../settings';
import { queryTooComplex } from './queryTooComplex';

type LimitSettings = Pick<GatewaySettings, 'MAX_QUERY_DEPTH' | 'MAX_ALIASES' | 'MAX_DIRECTIVES'>;

/** graphql-armor's own refusal is an uncoded "Syntax Error: …": report ours instead. */
function refuseAs(setting: string, limit: number) {
  return {
    n: limit,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(queryTooComplex(error.message.replace(/^Syntax Error: /, ''), setting, limit)),
    ],
  };
}

/**
 * Validation rules that refuse an operation before any subgraph is asked: too deep (a
 * resident → household → members → resident … chain fans out without end), too many
 * aliases (each alias of `resident` is another whole record), too many directives.
 * Fragments do not count as a level of depth: only fields nest data.
 */
export function queryLimitRules(settings: LimitSettings): ValidationRule[] {
  return [
    maxDepthRule({ ...refuseAs('MAX_QUERY_DEPTH', settings.MAX_QUERY_DEPTH), flattenFragments: true }),
    maxAliasesRule(refuseAs('MAX_ALIASES', settings.MAX_ALIASES)),
    maxDirectivesRule(refuseAs('MAX_DIRECTIVES', settings.MAX_DIRECTIVES)),
  ];
}
