import type { GraphQLBody } from './workloads';

/** A subgraph request the gateway sent, and what the subgraph answered (JSON). */
export interface RecordedExchange {
  subgraph: string;
  body: GraphQLBody;
  response: string;
}

/** Requests are matched on what they ask, not on how the JSON happens to be laid out. */
export function replayKey(subgraph: string, query: string, variables: Record<string, unknown>): string {
  return `${subgraph}\n${query}\n${JSON.stringify(variables)}`;
}
