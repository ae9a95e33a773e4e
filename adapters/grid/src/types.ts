import type { ChangeApplier, DepartmentAdapter, DepartmentLookup, DepartmentResilience } from '@resident-graph/adapter-kit';
import type { ResidentCategory } from '@resident-graph/schemas';
import type { PlacementScope } from './statisticsQueries';

/** Where a resident actually lives, as the grid database knows it. */
export interface GridRecord {
  gridId: string;
  communityId: string;
  buildingId: string;
  /** The dwelling; a registered household keeps its household number (户号). */
  householdId: string;
  address: string;
  categories: ResidentCategory[];
}

export interface GridInfo {
  id: string;
  name: string;
  communityId: string;
  areaSquareMetres: number;
}

export interface CommunityInfo {
  id: string;
  name: string;
}

/** A grid with its community, as one query answers both. */
export interface GridWithCommunity extends GridInfo {
  community: CommunityInfo;
}

/** Where a dwelling is: what jurisdiction over a household is decided on. */
export interface HouseholdLocation {
  gridId: string;
  communityId: string;
}

export interface GridWorkerInfo {
  id: string;
  name: string;
}

export interface RosterRequest {
  /** 0 … `MAX_ROSTER_PAGE`. */
  first: number;
  /** A cursor this adapter issued for the same grid, or null for the first page. */
  after: string | null;
}

export interface RosterNode {
  citizenId: string;
  /** What `lookup([citizenId])` answers for a resident recorded once, so callers can prime caches. */
  lookup: DepartmentLookup<GridRecord>;
}

export interface RosterPage {
  nodes: RosterNode[];
  /** Residents of the grid with a matchable citizen ID, over all pages. */
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface NameSearchRequest {
  /** Part of a surveyed name, `MIN_NAME_SEARCH_LENGTH` characters or more, as typed (the caller trims). */
  name: string;
  /** Whose residents are searched: the caller's reach, from their verified token — never from the request. */
  scope: PlacementScope;
  /** At most this many, 1 … `MAX_NAME_SEARCH_RESULTS`. */
  first: number;
}

export interface NameSearchResult {
  /** Exact names first, then by name. */
  nodes: RosterNode[];
  /** More residents match than were returned: the caller should narrow the name. */
  hasMore: boolean;
}

/** Where one resident lives, for the analysts' statistics: the grid database's own placement. */
export interface PlacementRow {
  citizenId: string;
  gridId: string;
  communityId: string;
  /** The dwelling (a registered household's number, or a rented dwelling's id). */
  householdId: string;
}

export interface CategoryMembers {
  /** Canonical IDs of the residents carrying each category asked for; every one has an entry. */
  members: Map<ResidentCategory, string[]>;
  /** Resident rows whose stored ID matches no valid citizen ID. */
  unresolvedRecords: number;
}

/** The database, and resilience settings (time limit of one query, retries, breaker, bulkhead) where they differ from the defaults. */
export interface GridAdapterOptions extends Partial<DepartmentResilience> {
  databaseUrl: string;
  /** PostgreSQL schema holding the grid database. @default 'grid' */
  schema?: string;
  /** Time limit of a read of the whole street (statistics' placement and categories). @default 30000 */
  scanTimeoutMs?: number;
}

/**
 * The grid database's adapter: the common lookup plus what the grid subgraph pages and
 * batches, and the reported changes the street's grid office applies to its own database.
 */
export interface GridAdapter extends DepartmentAdapter<GridRecord>, Required<ChangeApplier> {
  readonly department: 'grid';
  /**
   * One page of a grid's residents in a stable order, the roster's size, and each
   * node's lookup answer (so a caller can prime its per-request cache), in one query.
   * Throws `RosterArgumentError`, before any query, for a bad `first` or a foreign cursor.
   */
  listGridResidents(gridId: string, request: RosterRequest): Promise<RosterPage>;
  /**
   * The residents placed in the scope whose surveyed name contains the text, each with its
   * lookup answer, in one query. Throws `NameSearchError`, before any query, for a name too
   * short or too long or a bad `first`.
   */
  findResidentsByName(request: NameSearchRequest): Promise<NameSearchResult>;
  getGrids(gridIds: readonly string[]): Promise<Map<string, GridWithCommunity>>;
  getCommunities(communityIds: readonly string[]): Promise<Map<string, CommunityInfo>>;
  /** Each community's grids by id; every community asked for has an entry. */
  listCommunityGrids(communityIds: readonly string[]): Promise<Map<string, GridInfo[]>>;
  /** Where each dwelling is, by household number (registered) or grid number (rented); unknown ones are absent. */
  locateHouseholds(householdIds: readonly string[]): Promise<Map<string, HouseholdLocation>>;
  /** The workers serving each grid, by id; every grid asked for has an entry. */
  listGridWorkers(gridIds: readonly string[]): Promise<Map<string, GridWorkerInfo[]>>;
  /** Who carries each grid-survey category, over the whole street, in one query. */
  categoryMembers(categories: readonly ResidentCategory[]): Promise<CategoryMembers>;
  /** Every resident placed in `scope`, once each, in one query. */
  placeResidents(scope: PlacementScope): Promise<PlacementRow[]>;
}
