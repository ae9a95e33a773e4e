import type { ClassType } from 'type-graphql';
import type { z } from 'zod';
import type { LinkDecisionInput, LinkStore, StoredCandidate } from '@resident-graph/identity/links';
import type { Department } from '@resident-graph/schemas';
import type { DataQualitySource, DepartmentAdapter, DepartmentResilience } from '@resident-graph/adapter-kit';
import type { RunningServer } from '@resident-graph/service-kit';
import { buildFederatedSchema } from '../buildFederatedSchema';
import type { JurisdictionIndex, PolicedContext, SubgraphPolicy } from '../policy';
import { runDepartmentSubgraph } from '../runDepartmentSubgraph';
import { startDepartmentSubgraph, type DepartmentSubgraph, type StartDepartmentSubgraphOptions } from '../startDepartmentSubgraph';
import { createResidentEntity, resolveResidentReference, type ResidentEntityType } from './ResidentEntity';
import { createSectionContext, issuesWithLinks, type SectionContext } from './SectionContext';
import { createSectionResolver, type SectionField } from './createSectionResolver';
import { createRecordLinkResolver } from './createRecordLinkResolver';
import type { StatisticsSource } from '../statistics/keySets';
import type { StatisticsContext } from '../statistics/storedIdStatistics';
import { issueViewsOf } from '../dataQuality/issueViews';
import { publishDataQuality } from '../dataQuality/publishDataQuality';

/**
 * What a department declares to extend `Resident` with its section; the kit supplies the
 * rest (the `Resident` stub, reference resolver, DataLoader, error mapping, schema, server,
 * process). See docs/architecture.md.
 */
export interface SectionDeclaration<
  TRecord,
  TSection extends object,
  TShape extends z.ZodRawShape,
  TAdapter extends SectionAdapter<TRecord> = SectionAdapter<TRecord>,
> extends SectionField<TRecord, TSection> {
  /** Who may read what, from `sectionPolicy`; its department names the subgraph. */
  policy: SubgraphPolicy<PolicedContext>;
  /** The subgraph's `Resident`, when the section's own types link to residents. @default a fresh `createResidentEntity()` */
  resident?: ResidentEntityType;
  /** `PORT` when the environment sets none. */
  defaultPort: number;
  /** What the adapter needs from the environment (zod), beside `PORT`, the `DEPARTMENT_*` resilience settings and the audit store's. */
  settings: TShape;
  /** The adapter, its calls guarded by `resilience` (the registry's values for the department, as the stack passed them). */
  createAdapter(settings: z.infer<z.ZodObject<TShape>>, resilience: DepartmentResilience): TAdapter;
  /** The department's facts for analysts' statistics, evaluated in its own system (docs/statistics.md). @default none */
  statistics?(adapter: TAdapter, context: StatisticsContext): StatisticsSource;
  /**
   * The department's officers review identity resolution's candidates for its records:
   * mutations `confirm<Field>Link`, `reject<Field>Link`, `undo<Field>Link` (their policy rows
   * go in the department's table under `Mutation`). @default false
   */
  reviewsLinks?: boolean;
}

/** The link store, calling `then` after each decision an officer makes through it. */
function afterEachDecision(store: LinkStore, then: () => void): LinkStore {
  const decide =
    (act: (input: LinkDecisionInput) => Promise<StoredCandidate>) =>
    async (input: LinkDecisionInput): Promise<StoredCandidate> => {
      const decided = await act(input);
      then();
      return decided;
    };
  return { ...store, confirm: decide(store.confirm), reject: decide(store.reject), undo: decide(store.undo) };
}

/** A section's department publishes the data-quality issues its records raise, as its lookups report them. */
export type SectionAdapter<TRecord> = DepartmentAdapter<TRecord> & DataQualitySource;

/** A section's jurisdiction check asks the grid database's index, so a section subgraph cannot start without one. */
export type StartSectionSubgraphOptions<
  TRecord,
  TAdapter extends SectionAdapter<TRecord> = SectionAdapter<TRecord>,
> = StartDepartmentSubgraphOptions<TAdapter> & {
  jurisdiction: JurisdictionIndex;
};

export interface SectionSubgraph<TRecord, TAdapter extends SectionAdapter<TRecord> = SectionAdapter<TRecord>> extends DepartmentSubgraph<
  TAdapter,
  SectionContext<TRecord>
> {
  start(options: StartSectionSubgraphOptions<TRecord, TAdapter>): Promise<RunningServer>;
  /** The process `src/main.ts` runs: settings from the environment, adapter, audit store, server. */
  main(): void;
}

export function defineSectionSubgraph<
  TRecord,
  TSection extends object,
  TShape extends z.ZodRawShape,
  TAdapter extends SectionAdapter<TRecord> = SectionAdapter<TRecord>,
>(declared: SectionDeclaration<TRecord, TSection, TShape, TAdapter>): SectionSubgraph<TRecord, TAdapter> {
  const name = declared.policy.department;
  const Resident = declared.resident ?? createResidentEntity();
  const views = issueViewsOf(declared.policy.table, { field: declared.field, sectionType: declared.section.name });
  const resolvers = [
    createSectionResolver(Resident, declared, { department: name, views }),
    ...(declared.reviewsLinks ? [createRecordLinkResolver(declared.field, name as Department)] : []),
  ];
  const buildSchema = () =>
    buildFederatedSchema(
      { resolvers: resolvers as [ClassType, ...ClassType[]], orphanedTypes: [Resident] },
      { Resident: { __resolveReference: resolveResidentReference } },
    );
  const subgraph: DepartmentSubgraph<TAdapter, SectionContext<TRecord>> = {
    name,
    policy: declared.policy,
    buildSchema,
    createContext: (adapter, store) => createSectionContext<TRecord>(adapter, store && { department: name, store }),
    statistics: declared.statistics && ((adapter, store) => declared.statistics!(adapter, { links: store && { department: name, store } })),
  };
  const start = async (options: StartSectionSubgraphOptions<TRecord, TAdapter>) => {
    if (!options.dataQuality) return startDepartmentSubgraph(subgraph, options);
    const store = options.links && afterEachDecision(options.links, () => publisher.republish());
    const links = store && { department: name, store };
    const source: DataQualitySource = { issuesByResident: async () => issuesWithLinks(await options.adapter.issuesByResident(), links) };
    const publisher = publishDataQuality({ department: name, source, index: options.dataQuality, views });
    const running = await startDepartmentSubgraph(subgraph, { ...options, links: store });
    return {
      ...running,
      async close() {
        publisher.stop();
        await running.close();
      },
    };
  };
  return {
    ...subgraph,
    start,
    main: () => runDepartmentSubgraph({ name, defaultPort: declared.defaultPort, settings: declared.settings, createAdapter: declared.createAdapter, start }),
  };
}
