import { z } from 'zod';
import type { Caller } from '@resident-graph/trust';
import {
  EMPLOYMENT_STATUSES,
  GENDERS,
  PERSONAL_DIMENSIONS,
  POPULATION_TYPES,
  RESIDENT_CATEGORIES,
  type PersonalDimension,
  type ResidentFact,
} from '@resident-graph/schemas';

/**
 * What the statistics service asks a department: the residents (as pseudonymous keys) of
 * whom each fact holds at `asOf`, each in the department's own system. Facts come
 * positive only (the service takes complements itself, within the analyst's jurisdiction).
 */
export interface KeySetQuery {
  asOf: string;
  facts: ResidentFact[];
  /** Public security: its residents split by each dimension's values. */
  partitions: PersonalDimension[];
  /** The grid: where every resident of the analyst's jurisdiction lives. */
  placement: boolean;
}

/** Every resident of the analyst's jurisdiction, by key, with grid and dwelling. */
export interface Placement {
  /** Sorted ascending, no repeats. */
  keys: BigUint64Array;
  /** Per key, an index into `gridIds`. */
  grid: Uint16Array;
  /** Per key, a dwelling number that means nothing outside this answer (members of one dwelling share it). */
  household: Uint32Array;
  gridIds: string[];
  /** Per grid index, its community's id. */
  communityOfGrid: string[];
}

export interface KeySetAnswer {
  /** In `query.facts` order; each sorted ascending, no repeats. */
  facts: BigUint64Array[];
  /** Per asked dimension, each value's residents. */
  partitions: Partial<Record<PersonalDimension, Record<string, BigUint64Array>>>;
  placement?: Placement;
  /** Records the department holds under an ID that names no valid citizen ID: in no key set. */
  unresolvedRecords: number;
}

/** A department's side of the statistics: evaluates its facts in its own system. */
export interface StatisticsSource {
  /** `analyst` is the verified analyst the request is for: the grid keeps placement to their jurisdiction. */
  keySets(query: KeySetQuery, analyst: Caller): Promise<KeySetAnswer>;
}

const date = z.iso.date();
const factSchema = z
  .object({
    gender: z.enum(GENDERS as [string, ...string[]]),
    populationType: z.enum(POPULATION_TYPES as [string, ...string[]]),
    age: z
      .object({ atLeast: z.number().int().min(0).nullish(), below: z.number().int().min(0).nullish() })
      .strict()
      .refine((range) => range.atLeast != null || range.below != null, 'an age range needs a bound'),
    employmentStatus: z.enum(EMPLOYMENT_STATUSES),
    receivesMinimumLivingAllowance: z.literal(true),
    disabled: z.literal(true),
    hasChildUnder: z.number().int().min(1).max(150),
    category: z.enum(RESIDENT_CATEGORIES as [string, ...string[]]),
  })
  .partial()
  .strict()
  .refine((fact) => Object.values(fact).filter((value) => value != null).length === 1, 'a fact has exactly one member');

/** A department checks the query it is sent as it would any input from the network. */
export const keySetQuerySchema = z
  .object({
    asOf: date,
    facts: z.array(factSchema).max(64),
    partitions: z.array(z.enum(PERSONAL_DIMENSIONS as [PersonalDimension, ...PersonalDimension[]])).max(PERSONAL_DIMENSIONS.length),
    placement: z.boolean(),
  })
  .strict() as z.ZodType<KeySetQuery>;
