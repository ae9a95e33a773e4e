import { isChangeApplier, type DepartmentAdapter } from '@resident-graph/adapter-kit';
import type { LinkStore } from '@resident-graph/identity/links';
import type { RunningServer } from '@resident-graph/service-kit';
import type { KeyLike } from '@resident-graph/trust';
import type { FederatedSchema } from './buildFederatedSchema';
import type { DataQualityIndex } from './dataQuality/dataQualityIndex';
import type { JurisdictionIndex } from './policy/jurisdictionIndex';
import type { PolicedContext } from './policy/applyPolicy';
import type { SubgraphPolicy } from './policy/Policy';
import type { AuditWriter } from './policy/useAuditTrail';
import { startSubgraph } from './startSubgraph';
import type { StatisticsSource } from './statistics/keySets';

/** A subgraph over one department's adapter: its schema, its per-operation context, its policy. */
export interface DepartmentSubgraph<TAdapter, TContext extends object> {
  name: string;
  /** The schema and its SDL as published; no I/O, so composition can print it. */
  buildSchema(): Promise<FederatedSchema>;
  /** One client operation's context (its DataLoaders) over the adapter, and identity resolution's link table when there is one. */
  createContext(adapter: TAdapter, links?: LinkStore): TContext;
  policy: SubgraphPolicy<TContext & PolicedContext>;
  /** The department's facts for analysts' statistics, evaluated in its own system. @default none */
  statistics?(adapter: TAdapter, links?: LinkStore): StatisticsSource;
}

export interface StartDepartmentSubgraphOptions<TAdapter> {
  port: number;
  host?: string;
  adapter: TAdapter;
  /** Where each request that served personal data leaves its access entry. */
  audit: AuditWriter;
  /** Where residents and households are (the grid database's jurisdiction index). @default none: every jurisdiction check is refused */
  jurisdiction?: JurisdictionIndex;
  /** Identity resolution's link table: records linked to residents are read as theirs. @default none */
  links?: LinkStore;
  /** The key the gateway signs forwarded context with. @default the `gateway` public key in `TRUST_KEYS_DIR` */
  gatewayPublicKey?: KeyLike;
  /** Where departments publish their data-quality issues (a section subgraph publishes its own there). @default none: nothing published */
  dataQuality?: DataQualityIndex;
  /** The key the changes service signs its deliveries with, when the adapter applies reported changes. @default the `changes` public key in `TRUST_KEYS_DIR` */
  changesPublicKey?: KeyLike;
}

/**
 * Serves a department's subgraph under its policy, every personal read audited, `/health/ready`
 * reporting its adapter's breaker; an adapter that is a `ChangeApplier` also takes the changes
 * service's deliveries (`changeRoutes`).
 */
export async function startDepartmentSubgraph<TAdapter extends DepartmentAdapter<unknown>, TContext extends object>(
  subgraph: DepartmentSubgraph<TAdapter, TContext>,
  options: StartDepartmentSubgraphOptions<TAdapter>,
): Promise<RunningServer> {
  const { schema } = await subgraph.buildSchema();
  return startSubgraph({
    name: subgraph.name,
    schema,
    port: options.port,
    host: options.host,
    context: async () => subgraph.createContext(options.adapter, options.links),
    adapters: [options.adapter],
    policy: subgraph.policy,
    audit: options.audit,
    gatewayPublicKey: options.gatewayPublicKey,
    jurisdiction: options.jurisdiction,
    statistics: subgraph.statistics?.(options.adapter, options.links),
    changes: isChangeApplier(options.adapter) ? options.adapter : undefined,
    changesPublicKey: options.changesPublicKey,
  });
}
