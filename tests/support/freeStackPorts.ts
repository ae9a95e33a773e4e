import { assignPorts, PORT_COUNT, type StackPorts } from '@resident-graph/stack';
import { freePorts } from '@resident-graph/test-kit';

/** Every port of the stack (the registry names them), each one free right now. */
export async function freeStackPorts(): Promise<StackPorts> {
  const ports = await freePorts(PORT_COUNT);
  return assignPorts(() => ports.shift()!);
}
