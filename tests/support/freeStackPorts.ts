import { DEFAULT_PORTS, type StackPorts } from '@resident-graph/stack';
import { freePorts } from '@resident-graph/test-kit';

/** Every port of the stack (`DEFAULT_PORTS` names them), each one free right now. */
export async function freeStackPorts(): Promise<StackPorts> {
  const names = Object.keys(DEFAULT_PORTS) as (keyof StackPorts)[];
  const ports = await freePorts(names.length);
  return Object.fromEntries(names.map((name, index) => [name, ports[index]!])) as unknown as StackPorts;
}
