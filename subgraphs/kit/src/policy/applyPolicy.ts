import { applyMiddleware, type IMiddlewareFunction } from 'graphql-middleware';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { rule, shield } from 'graphql-shield';
import { maskCitizenId } from '@resident-graph/schemas';
import type { TrustedContext } from '../SubgraphContext';
import { inJurisdiction } from './inJurisdiction';
import { toGraphQLError } from '../departmentErrors';
import { audienceOf, type FieldAccess, type Jurisdiction, type ResidentIdOf, type SubgraphPolicy } from './Policy';
import type { Placements } from './placements';
import type { ServedRecord } from './ServedRecord';

/** The context a policed subgraph's resolvers and rules run in. */
export interface PolicedContext extends TrustedContext {
  served: ServedRecord;
  /** Where residents and households are, from the grid database: what jurisdiction rules check. */
  placements: Placements;
}

const refusal = (code: string, message: string) => new GraphQLError(message, { extensions: { code } });

const residentItself: ResidentIdOf = (parent) => parent.id;

function fieldRule<TContext extends PolicedContext>(typeName: string, field: string, access: FieldAccess, policy: SubgraphPolicy<TContext>) {
  const personal = policy.personalTypes.includes(typeName);
  const residentIdOf = policy.residentIdOf?.[typeName] ?? (typeName === 'Resident' ? residentItself : () => undefined);
  // A refused read of personal data is audited too: who tried, for whom, and why not.
  function refuse(parent: Record<string, unknown> | undefined, args: Record<string, unknown>, context: TContext, code: string, message: string) {
    if (personal) context.served.refuse(typeName, residentIdOf(parent ?? {}, args), field);
    return refusal(code, message);
  }
  // The rule runs for every field of every record served: it makes no closure of its own (a bundle names each one it makes).
  return rule(`${typeName}.${field}`, { cache: 'no_cache' })(async (parent: Record<string, unknown>, args: Record<string, unknown>, context: TContext) => {
    const { caller, purpose } = context.trust;
    const audience = audienceOf(caller, policy.department);
    const granted = access[audience];
    if (granted === 'allow') return true;
    if (granted === 'deny') return refuse(parent, args, context, 'FORBIDDEN', `${audience} may not read ${typeName}.${field}`);
    if (!purpose) return refuse(parent, args, context, 'PURPOSE_REQUIRED', `reading ${typeName}.${field} needs a stated purpose (X-Purpose)`);
    const jurisdictionOf = policy.jurisdictionOf[typeName];
    if (jurisdictionOf) {
      // graphql-shield turns a throwing rule into a bare "Not Authorised!": keep the department's code.
      let place: Jurisdiction | null;
      try {
        place = await jurisdictionOf(parent ?? {}, context, args);
      } catch (error) {
        return toGraphQLError(error);
      }
      if (!inJurisdiction(caller, place))
        return refuse(parent, args, context, 'OUT_OF_JURISDICTION', `this ${typeName.toLowerCase()} is outside the caller's jurisdiction`);
    }
    if (personal) context.served.record(typeName, residentIdOf(parent ?? {}, args), field);
    return true;
  });
}

const maskValue = (value: unknown): unknown => (typeof value === 'string' ? maskCitizenId(value) : Array.isArray(value) ? value.map(maskValue) : value);

/**
 * Puts a subgraph's policy table in force on its schema: graphql-shield rules on every
 * listed type and field — entity types included, so `_entities` obeys the same rules as
 * the query fields — default deny for anything unlisted, and masking where the table says
 * `mask`. Every personal field served is noted for the request's audit entry.
 */
export function applyPolicy<TContext extends PolicedContext>(schema: GraphQLSchema, policy: SubgraphPolicy<TContext>): GraphQLSchema {
  const rules: Record<string, Record<string, ReturnType<typeof fieldRule>>> = {};
  const masks: Record<string, Record<string, IMiddlewareFunction>> = {};
  for (const [typeName, fields] of Object.entries(policy.table)) {
    rules[typeName] = {};
    for (const [field, access] of Object.entries(fields)) {
      rules[typeName][field] = fieldRule(typeName, field, access, policy);
      if (!Object.values(access).includes('mask')) continue;
      masks[typeName] ??= {};
      masks[typeName][field] = async (resolve, parent, args, context: TContext, info) => {
        const value = await resolve(parent, args, context, info);
        return access[audienceOf(context.trust.caller, policy.department)] === 'mask' ? maskValue(value) : value;
      };
    }
  }
  const fallbackRule = rule('default-deny', { cache: 'no_cache' })(() => refusal('FORBIDDEN', 'not in the policy table: denied'));
  const policed = applyMiddleware(schema, shield(rules, { fallbackRule, allowExternalErrors: true }));
  return Object.keys(masks).length > 0 ? applyMiddleware(policed, masks) : policed;
}
