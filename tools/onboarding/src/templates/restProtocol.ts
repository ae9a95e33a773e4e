import { recordsFile, serverAdapterTest, serverStandInMain, testPopulation, type ProtocolTemplate } from './ProtocolTemplate';

/** A system with an HTTP/JSON query API. */
export const restProtocol: ProtocolTemplate = {
  dependencies: {},
  settingsImports: ["import { urlSetting } from '@resident-graph/service-kit';"],
  settings: (n, ports) => `{ ${n.constant}_URL: urlSetting('http://127.0.0.1:${ports.standIn}') }`,
  createAdapter: (n) => `(settings, resilience) => create${n.pascal}Adapter({ baseUrl: settings.${n.constant}_URL, ...resilience })`,
  registryStandIn: (n, ports) => `{ kind: 'server', port: ${ports.standIn}, entry: 'adapters/${n.id}/src/stand-in/main.ts' }`,
  registryEnv: (n) => `({ standInUrl }) => ({ ${n.constant}_URL: standInUrl })`,
  adapterFiles: (n, ports) => ({
    ...recordsFile(n),
    ...serverStandInMain(n, ports),
    ...testPopulation(),
    'src/api.ts': `/** The department's query API: POST \`{ citizenIds }\` → \`{ records }\`; GET the status. */
export const QUERY_PATH = '/api/records/query';
export const STATUS_PATH = '/api/status';
`,
    [`src/create${n.pascal}Adapter.ts`]: `import { z } from 'zod';
import { createDepartmentPolicy, DepartmentError, type DataQualitySource, type DepartmentAdapter, type DepartmentResilience } from '@resident-graph/adapter-kit';
import { propagationHeaders } from '@resident-graph/service-kit';
import { ${n.camel}RecordSchema, type ${n.pascal}Record } from './${n.pascal}Record';
import { QUERY_PATH, STATUS_PATH } from './api';
import { lookupsOf } from './lookupsOf';
import { parseAnswer } from './parseAnswer';

export interface ${n.pascal}AdapterOptions extends Partial<DepartmentResilience> {
  baseUrl: string;
}

const answerSchema = z.object({ records: z.array(${n.camel}RecordSchema) });

/** The ${n.en} system (${n.zh}) over its HTTP/JSON API: one POST per batch of IDs. */
export function create${n.pascal}Adapter(options: ${n.pascal}AdapterOptions): DepartmentAdapter<${n.pascal}Record> & DataQualitySource {
  const execute = createDepartmentPolicy({ ...options, department: '${n.id}' });
  let calls = 0;
  const request = (path: string, init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string }) =>
    execute(async (signal) => {
      calls += 1;
      // X-Request-Id and the trace context of the request being served travel with every call.
      const response = await fetch(new URL(path, options.baseUrl), { ...init, headers: { ...init.headers, ...propagationHeaders() }, signal });
      const text = await response.text();
      if (response.status >= 500) throw new DepartmentError('DEPARTMENT_UNAVAILABLE', '${n.id}', \`HTTP \${response.status} from \${path}\`);
      if (!response.ok) throw new DepartmentError('DEPARTMENT_BAD_RESPONSE', '${n.id}', \`HTTP \${response.status} from \${path}\`);
      return text;
    });
  const json = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  };

  return {
    department: '${n.id}',
    async lookup(citizenIds) {
      if (citizenIds.length === 0) return new Map();
      const text = await request(QUERY_PATH, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ citizenIds }) });
      return lookupsOf(citizenIds, parseAnswer(answerSchema, json(text)).records);
    },
    callsMade: () => calls,
    // Like its lookups (\`lookupsOf\`), it reports no data-quality issues until it checks its stored IDs (docs/onboarding.md).
    issuesByResident: async () => new Map(),
    breakerState: () => execute.breakerState(),
    async checkHealth() {
      await request(STATUS_PATH, { method: 'GET' });
    },
    close: async () => undefined,
  };
}
`,
    'src/stand-in/startStandIn.ts': `import type { ServerResponse } from 'node:http';
import { startStandInServer, type StandInServer } from '@resident-graph/adapter-kit';
import { QUERY_PATH, STATUS_PATH } from '../api';
import { readRecords } from './recordsFile';

export interface StandInOptions {
  /** The directory \`writeStandInData\` wrote to. */
  dataDir: string;
  port: number;
  host?: string;
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

/** The ${n.en} system's query API over the generated records; unknown IDs are left out of the answer. */
export async function startStandIn(options: StandInOptions): Promise<StandInServer> {
  const byId = new Map((await readRecords(options.dataDir)).map((record) => [record.citizenId, record]));
  return startStandInServer({
    department: '${n.id}',
    port: options.port,
    host: options.host,
    route: (request) => {
      const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
      if (request.method === 'POST' && path === QUERY_PATH) return 'records.query';
      if (request.method === 'GET' && path === STATUS_PATH) return 'status';
      return null;
    },
    handle: (request, body, response) => {
      if (request.method === 'GET') return answer(response, 200, { status: 'UP' });
      const citizenIds = (JSON.parse(body.toString('utf8')) as { citizenIds?: unknown }).citizenIds;
      if (!Array.isArray(citizenIds)) return answer(response, 400, { error: 'citizenIds must be an array' });
      return answer(response, 200, { records: citizenIds.flatMap((id) => byId.get(String(id)) ?? []) });
    },
    malformedBody: { contentType: 'application/json; charset=utf-8', body: '{"records":[{"citizenId":' },
  });
}
`,
    ...serverAdapterTest(n),
  }),
};
