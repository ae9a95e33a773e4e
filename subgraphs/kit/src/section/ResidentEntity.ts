import { Directive, Field, ObjectType } from 'type-graphql';
import { representationJurisdiction, type Jurisdiction } from '../policy';
import { representationCitizenId } from '../representationCitizenId';
import { CitizenIdScalar } from '../scalars';
import { JurisdictionType } from '../sharedTypes';

/** The resident as a section subgraph knows it: by key, and where the grid database says they live. */
export interface ResidentEntity {
  id: string;
  jurisdiction: Jurisdiction | null;
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

    /** Fetched by the gateway from the grid subgraph (`@requires`), so jurisdiction never rests on client input. */
    @Field(() => JurisdictionType, { nullable: true })
    @Directive('@external')
    jurisdiction!: Jurisdiction | null;
  }
  return Resident;
}

/** The jurisdiction the gateway put in the representation stays on the resident: the policy reads it from there. */
export function resolveResidentReference(reference: { id: string } & Record<string, unknown>): ResidentEntity {
  return { id: representationCitizenId(reference), jurisdiction: representationJurisdiction(reference) };
}
