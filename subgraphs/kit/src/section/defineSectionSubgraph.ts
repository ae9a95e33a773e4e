import type { z } from 'zod';
import type { DepartmentAdapter } from '@resident-graph/adapter-kit';
import type { RunningServer } from '@resident-graph/service-kit';
import type { KeyLike } from '@resident-graph/trust';
import { buildFederatedSchema, type FederatedSchema } from '../buildFederatedSchema';
import type { JurisdictionIndex, PolicedContext, SubgraphPolicy } from '../policy';
import type { AuditWriter } from '../policy/useAuditTrail';
import { runDepartmentSubgraph } from '../runDepartmentSubgraph';
import { startSubgraph } from '../startSubgraph';
import { createResidentEntity, resolveResidentReference, type ResidentEntityType } from './ResidentEntity';
import { createSectionContext, type SectionContext } from './SectionContext';
import { createSectionResolver, type SectionField } from './createSectionResolver';

/**
 * What a department declares to extend `Resident` with its section; the kit supplies the
 * rest (the `Resident` stub, reference resolver, DataLoader, error mapping, schema, server,
 * process). See docs/architecture.md.
 */
export interface SectionDeclaration<TRecord, TSection extends object, TShape extends z.ZodRawShape> extends SectionField<TRecord, TSection> {
  /** Who may read what, from `sectionPolicy`; its department names the subgraph. */
  policy: SubgraphPolicy<PolicedContext>;
  /** The subgraph's `Resident`, when the section's own types link to residents. @default a fresh `createResidentEntity()` */
  resident?: ResidentEntityType;
  /** `PORT` when the environment sets none. */
  defaultPort: number;
  /** What the adapter needs from the environment (zod), beside `PORT`, `DEPARTMENT_TIMEOUT_MS` and the audit store's. */
  settings: TShape;
  createAdapter(settings: z.infer<z.ZodObject<TShape>>, timeoutMs: number): DepartmentAdapter<TRecord>;
}

export interface StartSectionSubgraphOptions<TRecord> {
  port: number;
  host?: string;
  adapter: DepartmentAdapter<TRecord>;
  /** Where each request that served personal data leaves its access entry. */
  audit: AuditWriter;
  /** Where residents are, from the grid database: what the section's jurisdiction check asks. */
  jurisdiction: JurisdictionIndex;
  /** @default the `gateway` public key in `TRUST_KEYS_DIR` */
  gatewayPublicKey?: KeyLike;
}

export interface SectionSubgraph<TRecord> {
  name: string;
  policy: SubgraphPolicy<PolicedContext>;
  /** The schema and its SDL as published; no I/O, so composition can print it. */
  buildSchema(): Promise<FederatedSchema>;
  /** One operation's context: the DataLoader over the adapter. */
  createContext(adapter: DepartmentAdapter<TRecord>): SectionContext<TRecord>;
  start(options: StartSectionSubgraphOptions<TRecord>): Promise<RunningServer>;
  /** The process `src/main.ts` runs: settings from the environment, adapter, audit store, server. */
  main(): void;
}

export function defineSectionSubgraph<TRecord, TSection extends object, TShape extends z.ZodRawShape>(
  declared: SectionDeclaration<TRecord, TSection, TShape>,
): SectionSubgraph<TRecord> {
  const name = declared.policy.department;
  const Resident = declared.resident ?? createResidentEntity();
  const SectionResolver = createSectionResolver(Resident, declared);
  const buildSchema = () =>
    buildFederatedSchema({ resolvers: [SectionResolver], orphanedTypes: [Resident] }, { Resident: { __resolveReference: resolveResidentReference } });
  const start = async (options: StartSectionSubgraphOptions<TRecord>) =>
    startSubgraph({
      ...options,
      name,
      schema: (await buildSchema()).schema,
      context: async () => createSectionContext(options.adapter),
      adapters: [options.adapter],
      policy: declared.policy,
    });
  return {
    name,
    policy: declared.policy,
    buildSchema,
    createContext: createSectionContext,
    start,
    main: () => runDepartmentSubgraph({ name, defaultPort: declared.defaultPort, settings: declared.settings, createAdapter: declared.createAdapter, start }),
  };
}
