import { recordsFile, serverAdapterTest, serverStandInMain, testPopulation, type ProtocolTemplate } from './ProtocolTemplate';
import { restProtocol } from './restProtocol';

/** A system with a SOAP/XML web service over HTTP; reached and started like a REST one. */
export const soapProtocol: ProtocolTemplate = {
  ...restProtocol,
  dependencies: { 'fast-xml-parser': '^5.3.0' },
  adapterFiles: (n, ports) => ({
    ...recordsFile(n),
    ...serverStandInMain(n, ports),
    ...testPopulation(),
    ...serverAdapterTest(n),
    'src/soapApi.ts': `import { XMLBuilder, XMLParser } from 'fast-xml-parser';

/** The department's web service: \`QueryRecords\` (citizenId*) → \`QueryRecordsResponse\` (count, record*); \`Ping\` → \`PingResponse\`. */
export const SERVICE_PATH = '/ws/records';
export const SOAP_CONTENT_TYPE = 'text/xml; charset=utf-8';

const builder = new XMLBuilder({ ignoreAttributes: false });
const REPEATED = new Set(['Envelope.Body.QueryRecords.citizenId', 'Envelope.Body.QueryRecordsResponse.record']);
const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, isArray: (_name, jpath) => REPEATED.has(String(jpath)) });

export function envelope(body: Record<string, unknown>): string {
  return builder.build({ 'soap:Envelope': { '@_xmlns:soap': 'http://schemas.xmlsoap.org/soap/envelope/', 'soap:Body': body } }) as string;
}

/** The \`Body\` of an envelope, namespace prefixes dropped; \`undefined\` when the text is no envelope. */
export function bodyOf(xml: string): Record<string, unknown> | undefined {
  try {
    return (parser.parse(xml) as { Envelope?: { Body?: Record<string, unknown> } }).Envelope?.Body;
  } catch {
    return undefined;
  }
}
`,
    [`src/create${n.pascal}Adapter.ts`]: `import { z } from 'zod';
import { createDepartmentPolicy, DepartmentError, type DataQualitySource, type DepartmentAdapter, type DepartmentResilience } from '@resident-graph/adapter-kit';
import { propagationHeaders } from '@resident-graph/service-kit';
import { ${n.camel}RecordSchema, type ${n.pascal}Record } from './${n.pascal}Record';
import { lookupsOf } from './lookupsOf';
import { parseAnswer } from './parseAnswer';
import { bodyOf, envelope, SERVICE_PATH, SOAP_CONTENT_TYPE } from './soapApi';

export interface ${n.pascal}AdapterOptions extends Partial<DepartmentResilience> {
  baseUrl: string;
}

const answerSchema = z.object({ QueryRecordsResponse: z.object({ record: z.array(${n.camel}RecordSchema).default([]) }) });
const pingSchema = z.object({ PingResponse: z.unknown() });

/** The ${n.en} system (${n.zh}) over its SOAP web service: one \`QueryRecords\` per batch of IDs. */
export function create${n.pascal}Adapter(options: ${n.pascal}AdapterOptions): DepartmentAdapter<${n.pascal}Record> & DataQualitySource {
  const execute = createDepartmentPolicy({ ...options, department: '${n.id}' });
  let calls = 0;
  const call = (body: Record<string, unknown>) =>
    execute(async (signal) => {
      calls += 1;
      const response = await fetch(new URL(SERVICE_PATH, options.baseUrl), { method: 'POST', headers: { 'content-type': SOAP_CONTENT_TYPE, ...propagationHeaders() }, body: envelope(body), signal });
      const text = await response.text();
      if (response.status >= 500) throw new DepartmentError('DEPARTMENT_UNAVAILABLE', '${n.id}', \`HTTP \${response.status}\`);
      return bodyOf(text);
    });

  return {
    department: '${n.id}',
    async lookup(citizenIds) {
      if (citizenIds.length === 0) return new Map();
      const answer = parseAnswer(answerSchema, await call({ QueryRecords: { citizenId: [...citizenIds] } }));
      return lookupsOf(citizenIds, answer.QueryRecordsResponse.record);
    },
    callsMade: () => calls,
    // Like its lookups (\`lookupsOf\`), it reports no data-quality issues until it checks its stored IDs (docs/onboarding.md).
    issuesByResident: async () => new Map(),
    breakerState: () => execute.breakerState(),
    async checkHealth() {
      parseAnswer(pingSchema, await call({ Ping: '' }));
    },
    close: async () => undefined,
  };
}
`,
    'src/stand-in/startStandIn.ts': `import type { ServerResponse } from 'node:http';
import { startStandInServer, type StandInServer } from '@resident-graph/adapter-kit';
import { bodyOf, envelope, SERVICE_PATH, SOAP_CONTENT_TYPE } from '../soapApi';
import { readRecords } from './recordsFile';

export interface StandInOptions {
  /** The directory \`writeStandInData\` wrote to. */
  dataDir: string;
  port: number;
  host?: string;
}

function answer(response: ServerResponse, status: number, body: Record<string, unknown>): void {
  response.writeHead(status, { 'content-type': SOAP_CONTENT_TYPE }).end(envelope(body));
}

/** The ${n.en} system's web service over the generated records; unknown IDs are left out of the answer. */
export async function startStandIn(options: StandInOptions): Promise<StandInServer> {
  const byId = new Map((await readRecords(options.dataDir)).map((record) => [record.citizenId, record]));
  return startStandInServer({
    department: '${n.id}',
    port: options.port,
    host: options.host,
    route: (request) => (request.method === 'POST' && new URL(request.url ?? '/', 'http://stand-in').pathname === SERVICE_PATH ? 'records.soap' : null),
    handle: (_request, body, response) => {
      const soapBody = bodyOf(body.toString('utf8')) ?? {};
      if ('Ping' in soapBody) return answer(response, 200, { PingResponse: { status: 'UP' } });
      const query = soapBody.QueryRecords as { citizenId?: unknown[] } | undefined;
      if (!query) return answer(response, 500, { 'soap:Fault': { faultcode: 'soap:Client', faultstring: 'unknown operation' } });
      const records = (query.citizenId ?? []).flatMap((id) => byId.get(String(id)) ?? []);
      return answer(response, 200, { QueryRecordsResponse: { count: records.length, record: records } });
    },
    malformedBody: { contentType: SOAP_CONTENT_TYPE, body: '<soap:Envelope><soap:Body><QueryRecordsResponse><record><citizenId>' },
  });
}
`,
  }),
};
