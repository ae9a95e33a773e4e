import type { Protocol } from '@resident-graph/registry';
import { csvProtocol } from './csvProtocol';
import { dbProtocol } from './dbProtocol';
import type { ProtocolTemplate } from './ProtocolTemplate';
import { restProtocol } from './restProtocol';
import { soapProtocol } from './soapProtocol';

export const PROTOCOL_TEMPLATES: Record<Protocol, ProtocolTemplate> = { rest: restProtocol, soap: soapProtocol, db: dbProtocol, csv: csvProtocol };
