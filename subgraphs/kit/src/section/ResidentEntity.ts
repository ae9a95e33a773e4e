import { Directive, Field, ObjectType } from 'type-graphql';
import { normalizeCitizenId } from '@resident-graph/schemas';
import { CitizenIdScalar } from '../scalars';

/** The resident as a section subgraph knows it: by key (where they live is the jurisdiction index's to say). */
export interface ResidentEntity {
  id: string;
}

export type ResidentEntityType = new () => ResidentEntity;

/**
 * A fresh `Resident` stub for one section subgraph. Each subgraph needs its own class:
 * type-graphql keeps the fields a resolver adds to a class for every schema built after,
 * so one shared class would carry every department's section.
 */
export function createResidentEntity(): ResidentEntityType {
  @ObjectType('Resident')
  @Directive('@key(fields: "id")')
  class Resident implements ResidentEntity {
    @Field(() => CitizenIdScalar)
    id!: string;
  }
  return Resident;
}

/**
 * Representations arrive as plain JSON, past the `CitizenId` scalar: the key is normalised
 * here so a 15-digit or full-width ID finds the same record. Nothing else of a
 * representation is kept: whatever else it claims (a jurisdiction, say) is not believed.
 */
export function resolveResidentReference(reference: { id: string } & Record<string, unknown>): ResidentEntity {
  const normalized = normalizeCitizenId(String(reference.id));
  return { id: normalized.ok ? normalized.id : reference.id };
}
