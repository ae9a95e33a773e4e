import { representationCitizenId } from '@resident-graph/subgraph-kit';
import type { Resident } from './resident.type';

export function resolveResidentReference(reference: { id: string }): Resident {
  return { id: representationCitizenId(reference) };
}
