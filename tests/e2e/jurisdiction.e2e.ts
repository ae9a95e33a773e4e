import { GATEWAY_CONTEXT_HEADER, hashBody, loadKey, signGatewayContext, type Caller } from '@resident-graph/trust';
import { graphql, readTruth, startTestStack, type TestStack } from '../support';

// An attacker who reaches a subgraph's port with a validly signed gateway context (captured
// from the wire, or signed with a stolen gateway key) and sends a representation claiming
// that a resident of another grid lives in theirs. Jurisdiction is the grid database's
// fact: every department subgraph must refuse, whatever the representation says.
const SECTIONS: Record<string, string> = {
  'public-security': 'name birthDate',
  'civil-affairs': 'civilAffairs { onRecord receivesMinimumLivingAllowance }',
  'family-planning': 'familyPlanning { onRecord }',
  labour: 'labour { onRecord laidOff }',
};

describe('jurisdiction below the gateway', () => {
  let stack: TestStack;
  let victim: { id: string; gridId: string };
  let attacker: Caller;

  beforeAll(async () => {
    stack = await startTestStack();
    const truth = readTruth(stack.dataDir);
    const first = truth[0]!;
    const stranger = truth.find((resident) => resident.grid.gridId !== first.grid.gridId && resident.labour && resident.civilAffairs)!;
    victim = { id: stranger.id, gridId: stranger.grid.gridId };
    attacker = { subject: 'gw-attacker', role: 'grid-worker', department: null, grids: [first.grid.gridId], community: null };
  });
  afterAll(async () => {
    await stack?.stopAll();
  });

  it.each(Object.entries(SECTIONS))('%s refuses a resident of another grid whose representation claims the caller’s grid', async (subgraph, selection) => {
    const forged = { __typename: 'Resident', id: victim.id, jurisdiction: { gridId: attacker.grids[0], communityId: null } };
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { ${selection} } } }`;
    const variables = { r: [forged] };
    // A context bound to exactly this body, as the gateway would sign it: the forgery is in the body alone.
    const context = await signGatewayContext(
      {
        caller: attacker,
        purpose: { code: 'HOME_VISIT', reference: null },
        requestId: `forged-${subgraph}`,
        operationId: `forged-${subgraph}`,
        bodyHash: hashBody(JSON.stringify({ query, variables })),
      },
      await loadKey(stack.keysDir, 'gateway', 'private'),
    );
    const answer = await graphql<{ _entities: unknown[] }>(`http://127.0.0.1:${stack.ports.subgraphs[subgraph]!}/graphql`, query, variables, {
      [GATEWAY_CONTEXT_HEADER]: context,
    });
    expect(answer.errors?.length).toBeGreaterThan(0);
    expect(new Set(answer.errors!.map((error) => error.extensions?.code))).toEqual(new Set(['OUT_OF_JURISDICTION']));
    expect(JSON.stringify(answer.data)).not.toMatch(/"(name|birthDate|onRecord|laidOff|receivesMinimumLivingAllowance)":(?!null)/);
  });
});
