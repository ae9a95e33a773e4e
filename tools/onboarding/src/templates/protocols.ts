import type { Protocol } from '@resident-graph/registry';
import type { ProtocolTemplate } from './ProtocolTemplate';
import { restProtocol } from './restProtocol';

export const PROTOCOL_TEMPLATES: Partial<Record<Protocol, ProtocolTemplate>> = { rest: restProtocol };
