import { isObjectType, type GraphQLSchema } from 'graphql';
import { maskCitizenId } from '@resident-graph/schemas';
import type { RunningServer } from '@resident-graph/service-kit';
import { AUDIENCES, type Audience } from '@resident-graph/subgraph-kit';
import { fixedJurisdiction, recordingAuditWriter } from '@resident-graph/subgraph-kit/testing';
import { civilAffairsSubgraph, civilAffairsPolicy } from '@resident-graph/subgraph-civil-affairs';
import { GATEWAY_CONTEXT_HEADER, type Purpose } from '@resident-graph/trust';
import { createTestTrust, type TestTrust } from '@resident-graph/trust/testing';
import { askSubgraph } from './fixtures/askSubgraph';
import { CALLERS, INSIDE, OUTSIDE, REACHES_INSIDE } from './fixtures/callers';
import { expectedAccess } from './fixtures/expectedAccess';
import { fullyRecordedPopulation } from './fixtures/fullyRecorded';
import { operationFor } from './fixtures/operationFor';
import { createPolicyOracle, errorsOf, type ExpectedOutcome, type Asking } from './fixtures/policyOracle';
import { startStandInBureau, type StandInBureau } from './fixtures/standInBureau';

const population = fullyRecordedPopulation(6, 2);
const inside = population.residents[0]!;
const outside = population.residents[1]!;
const unplaced = population.residents[2]!;
/** Three residents as the gateway sends them, by key; the grid survey places the first inside, the second outside, the third nowhere. */
const REPRESENTATIONS = [inside, outside, unplaced].map(({ id }) => ({ __typename: 'Resident', id }));
const PLACEMENTS = new Map([
  [inside.id, INSIDE],
  [outside.id, OUTSIDE],
]);
const PURPOSE: Purpose = { code: 'HOME_VISIT', reference: 'visit-2026-117' };
const ROWS = Object.entries(expectedAccess.table).flatMap(([typeName, fields]) => Object.keys(fields).map((field) => ({ typeName, field })));

const SECTION = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Resident { id civilAffairs { onRecord receivesMinimumLivingAllowance dataQualityIssues { storedId } } }
  }
}`;
type Section = { _entities: ({ id: string; civilAffairs: { onRecord: boolean; dataQualityIssues: { storedId: string }[] } | null } | null)[] };

/** A request per field and purpose: a few seconds alone, more beside other suites. */
const MATRIX_TIMEOUT_MS = 60_000;

const storedIdOf = (id: string) => `${id.slice(0, 6)}${id.slice(8, 17)}`;

describe('civil-affairs subgraph under its policy', () => {
  const audit = recordingAuditWriter();
  let trust: TestTrust;
  let bureau: StandInBureau;
  let subgraph: RunningServer;
  let schema: GraphQLSchema;
  let expectedOutcome: (query: string, variables: Record<string, unknown>, asking: Asking) => Promise<ExpectedOutcome>;
  const outcomesSeen = new Set<string>();

  const ask = async (query: string, audience: Audience, purpose: Purpose | null, representations = REPRESENTATIONS) => {
    audit.entries.length = 0;
    return askSubgraph<Section>(subgraph, query, { representations }, await trust.gatewayHeaders(CALLERS[audience], purpose));
  };

  beforeAll(async () => {
    trust = await createTestTrust();
    bureau = await startStandInBureau(population);
    subgraph = await civilAffairsSubgraph.start({
      port: 0,
      adapter: bureau.adapter,
      audit,
      gatewayPublicKey: trust.gatewayPublicKey,
      jurisdiction: fixedJurisdiction(PLACEMENTS),
    });
    ({ schema } = await civilAffairsSubgraph.buildSchema());
    expectedOutcome = createPolicyOracle(schema, expectedAccess, () => civilAffairsSubgraph.createContext(bureau.adapter));
  });
  afterAll(async () => {
    await subgraph.close();
    await bureau.close();
  });

  test('the table has a row for every field the subgraph serves, and for no other', () => {
    const served = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
      .flatMap((type) => Object.keys((type as { getFields(): object }).getFields()).map((field) => `${type.name}.${field}`));
    expect(ROWS.map(({ typeName, field }) => `${typeName}.${field}`).sort()).toEqual(served.sort());
    expect(Object.keys(civilAffairsPolicy.jurisdictionOf)).toEqual(['Resident']);
    expect(civilAffairsPolicy.personalTypes).toEqual(['Resident']);
  });

  test.each(AUDIENCES)(
    '%s: every field, inside and outside the jurisdiction, with and without a purpose, answers as the table says',
    async (audience) => {
      for (const purpose of [PURPOSE, null]) {
        for (const { typeName, field } of ROWS) {
          const query = operationFor(schema, typeName, field);
          const variables = query.includes('$representations') ? { representations: REPRESENTATIONS } : {};
          const asking = { audience, purpose: purpose !== null, inside: new Set(REACHES_INSIDE[audience] ? [inside.id] : []) };
          const expected = await expectedOutcome(query, variables, asking);
          audit.entries.length = 0;
          const answer = await askSubgraph(subgraph, query, variables, await trust.gatewayHeaders(CALLERS[audience], purpose));

          const label = `${audience} ${purpose ? 'with' : 'without'} a purpose reading ${typeName}.${field}`;
          expect({ label, status: answer.status, data: answer.data, errors: errorsOf(answer.errors) }).toEqual({
            label,
            status: 200,
            data: expected.data,
            errors: expected.errors,
          });
          const entries = audit.entries.map((entry) => ({ residentIds: entry.residentIds, fields: entry.fields, purposeCode: entry.purposeCode }));
          expect({ label, entries }).toEqual({ label, entries: expected.served.fields.length > 0 ? [{ ...expected.served, purposeCode: PURPOSE.code }] : [] });

          for (const error of expected.errors) outcomesSeen.add(error.split(' ')[0]!);
          if (expected.served.fields.length > 0) outcomesSeen.add('AUDITED');
          if (JSON.stringify(answer.data).includes(maskCitizenId(storedIdOf(inside.id)))) outcomesSeen.add('MASKED');
        }
      }
    },
    MATRIX_TIMEOUT_MS,
  );

  test('the matrix above met every outcome the policy can give', () => {
    expect([...outcomesSeen].sort()).toEqual(['AUDITED', 'FORBIDDEN', 'MASKED', 'OUT_OF_JURISDICTION', 'PURPOSE_REQUIRED']);
  });

  test(
    "the bureau's own officer reads every field of a resident in its jurisdiction",
    async () => {
      for (const { typeName, field } of ROWS) {
        const query = operationFor(schema, typeName, field);
        if (!query.includes('$representations')) continue;
        const answer = await ask(query, 'own-officer', PURPOSE);
        const label = `${typeName}.${field}`;
        expect({ label, errors: errorsOf(answer.errors).filter((error) => / at _entities\.0(\.|$)/.test(error)) }).toEqual({ label, errors: [] });
      }
    },
    MATRIX_TIMEOUT_MS,
  );

  test('no gateway context: 401 UNAUTHENTICATED and no data', async () => {
    audit.entries.length = 0;
    const answer = await askSubgraph<Section>(subgraph, SECTION, { representations: REPRESENTATIONS }, {});
    expect(answer.status).toBe(401);
    expect(answer.data ?? null).toBeNull();
    expect(errorsOf(answer.errors)).toEqual(['UNAUTHENTICATED at ']);
    expect(audit.entries).toEqual([]);
  });

  test('a context signed with another key, or altered after signing: 401 UNAUTHENTICATED and no data', async () => {
    const forger = await createTestTrust();
    const [header, payload, signature] = (await trust.gatewayHeaders(CALLERS['grid-worker']))[GATEWAY_CONTEXT_HEADER]!.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
    const widened = Buffer.from(JSON.stringify({ ...claims, caller: CALLERS['own-officer'] })).toString('base64url');
    for (const headers of [await forger.gatewayHeaders(CALLERS['own-officer']), { [GATEWAY_CONTEXT_HEADER]: `${header}.${widened}.${signature}` }]) {
      audit.entries.length = 0;
      const answer = await askSubgraph<Section>(subgraph, SECTION, { representations: REPRESENTATIONS }, headers);
      expect(answer.status).toBe(401);
      expect(answer.data ?? null).toBeNull();
      expect(errorsOf(answer.errors)).toEqual(['UNAUTHENTICATED at ']);
      expect(audit.entries).toEqual([]);
    }
  });

  test('without a purpose the section is PURPOSE_REQUIRED for every front-line caller, and nothing is audited', async () => {
    for (const audience of AUDIENCES.filter((a) => expectedAccess.table.Resident!.civilAffairs![a] !== 'deny')) {
      const answer = await ask(SECTION, audience, null, REPRESENTATIONS.slice(0, 1));
      expect({ audience, data: answer.data }).toEqual({ audience, data: { _entities: [{ id: inside.id, civilAffairs: null }] } });
      expect({ audience, errors: errorsOf(answer.errors) }).toEqual({ audience, errors: ['PURPOSE_REQUIRED at _entities.0.civilAffairs'] });
      expect(audit.entries).toEqual([]);
    }
  });

  test('stored IDs come back masked where the table says mask, whole where it allows', async () => {
    const audiences = AUDIENCES.filter((a) => ['mask', 'allow'].includes(expectedAccess.table.DataQualityIssue!.storedId![a]));
    expect(audiences.length).toBeGreaterThan(1);
    for (const audience of audiences) {
      const answer = await ask(SECTION, audience, PURPOSE, REPRESENTATIONS.slice(0, 1));
      const storedIds = answer.data!._entities[0]!.civilAffairs!.dataQualityIssues.map((issue) => issue.storedId);
      const stored = storedIdOf(inside.id);
      const expected = expectedAccess.table.DataQualityIssue!.storedId![audience] === 'mask' ? maskCitizenId(stored) : stored;
      expect(storedIds.length).toBeGreaterThan(0);
      expect({ audience, storedIds: [...new Set(storedIds)] }).toEqual({ audience, storedIds: [expected] });
    }
    expect(maskCitizenId(storedIdOf(inside.id))).not.toBe(storedIdOf(inside.id));
  });

  test('a request that served personal data leaves one entry: who, why, which residents, which fields', async () => {
    const answer = await ask(SECTION, 'window-clerk', PURPOSE);
    expect(answer.data!._entities.map((entity) => entity?.civilAffairs?.onRecord ?? null)).toEqual([true, null, null]);
    expect(audit.entries).toEqual([
      expect.objectContaining({
        subgraph: 'civil-affairs',
        subject: CALLERS['window-clerk'].subject,
        role: 'window-clerk',
        department: null,
        purposeCode: PURPOSE.code,
        purposeReference: PURPOSE.reference,
        residentIds: [inside.id],
        fields: ['Resident.civilAffairs'],
      }),
    ]);
  });

  test('a request that served no personal data leaves no entry', async () => {
    const keysOnly = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { id } } }`;
    for (const [query, audience, representations] of [
      [keysOnly, 'grid-worker', REPRESENTATIONS],
      [SECTION, 'grid-worker', REPRESENTATIONS.slice(1)],
      [SECTION, 'analyst', REPRESENTATIONS],
    ] as const) {
      const answer = await ask(query, audience, PURPOSE, [...representations]);
      expect(answer.data!._entities.length).toBe(representations.length);
      expect({ audience, entries: audit.entries }).toEqual({ audience, entries: [] });
    }
  });

  test('when the audit store refuses the entry, the answer is AUDIT_UNAVAILABLE and carries no data', async () => {
    audit.failing = true;
    try {
      const answer = await ask(SECTION, 'own-officer', PURPOSE);
      expect(answer.data ?? null).toBeNull();
      expect(errorsOf(answer.errors)).toEqual(['AUDIT_UNAVAILABLE at ']);
      expect(JSON.stringify(answer)).not.toContain(inside.id);

      const nothingPersonal = await ask(`{ _service { sdl } }`, 'own-officer', PURPOSE);
      expect(nothingPersonal.errors).toBeUndefined();
    } finally {
      audit.failing = false;
    }
  });
});
