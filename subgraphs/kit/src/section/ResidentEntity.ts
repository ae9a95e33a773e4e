import { Directive, Field, ObjectType } from 'type-graphql';
import { representationCitizenId } from '../representationCitizenId';
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

/** Only the key of a representation is kept: whatever else it claims (a jurisdiction, say) is not believed. */
export function resolveResidentReference(reference: { id: string } & Record<string, unknown>): ResidentEntity {
  return { id: representationCitizenId(reference) };
}
