import type { IncomingMessage } from 'node:http';
import { generateKeyPair } from 'jose';
import { GATEWAY_CONTEXT_HEADER, signGatewayContext, type Caller } from '@resident-graph/trust';
import { createJurisdictionIndex, createPlacements, inJurisdiction, residentPlacement, ServedRecord, trustedContext, type Jurisdiction } from '../src';
import { fixedJurisdiction } from '../src/testing';

const caller = (role: Caller['role'], reach: { grids?: string[]; community?: string | null } = {}): Caller => ({
  subject: role,
  role,
  department: role === 'department-officer' ? 'labour' : null,
  grids: reach.grids ?? [],
  community: reach.community ?? null,
});
const at = (gridId: string | null, communityId: string | null): Jurisdiction => ({ gridId, communityId });

describe('inJurisdiction, case by case from the design: grids for grid workers, a community for clerks, scoped or street-wide officers, no one else', () => {
  it.each([
    ['a grid worker, own grid', caller('grid-worker', { grids: ['G01', 'G03'] }), at('G03', 'C02'), true],
    ['a grid worker, another grid of the same community', caller('grid-worker', { grids: ['G01'] }), at('G02', 'C01'), false],
    ['a grid worker, a place without a grid', caller('grid-worker', { grids: ['G01'] }), at(null, 'C01'), false],
    ['a grid worker, no place', caller('grid-worker', { grids: ['G01'] }), null, false],
    ['a clerk, own community', caller('window-clerk', { community: 'C01' }), at('G07', 'C01'), true],
    ['a clerk, another community', caller('window-clerk', { community: 'C01' }), at('G01', 'C02'), false],
    ['a clerk, no place', caller('window-clerk', { community: 'C01' }), null, false],
    ['a clerk without a community, a place without one', caller('window-clerk'), at('G01', null), false],
    ['an officer scoped to grids, one of them', caller('department-officer', { grids: ['G01'], community: 'C09' }), at('G01', 'C02'), true],
    [
      'an officer scoped to grids, another grid of their community',
      caller('department-officer', { grids: ['G01'], community: 'C01' }),
      at('G02', 'C01'),
      false,
    ],
    ['an officer scoped to grids, no place', caller('department-officer', { grids: ['G01'] }), null, false],
    ['an officer scoped to a community, in it', caller('department-officer', { community: 'C01' }), at('G05', 'C01'), true],
    ['an officer scoped to a community, outside it', caller('department-officer', { community: 'C01' }), at('G01', 'C02'), false],
    ['an officer scoped to a community, no place', caller('department-officer', { community: 'C01' }), null, false],
    ['a street-wide officer, anywhere', caller('department-officer'), at('G31', 'C04'), true],
    ['a street-wide officer, no place', caller('department-officer'), null, true],
    ['an analyst, whatever reach the token claims', caller('analyst', { grids: ['G01'], community: 'C01' }), at('G01', 'C01'), false],
    ['an auditor, whatever reach the token claims', caller('auditor', { grids: ['G01'], community: 'C01' }), at('G01', 'C01'), false],
  ])('%s: %p', (_case, who, place, inside) => {
    expect(inJurisdiction(who, place)).toBe(inside);
  });
});

describe('residentPlacement', () => {
  it("answers where the jurisdiction index places the resident's key, whatever the representation claims", async () => {
    const placements = createPlacements(fixedJurisdiction(new Map([['R1', at('G01', 'C01')]])));
    expect(await residentPlacement({ id: 'R1', jurisdiction: at('G09', 'C09') }, { placements })).toEqual(at('G01', 'C01'));
    expect(await residentPlacement({ id: 'R2', jurisdiction: at('G01', 'C01') }, { placements })).toBeNull();
  });
});

describe('createJurisdictionIndex', () => {
  it('names the grid database when it cannot be asked: DEPARTMENT_UNAVAILABLE, not an internal error', async () => {
    const index = createJurisdictionIndex({ databaseUrl: 'postgresql://postgres@127.0.0.1:1/none', timeoutMs: 500 });
    try {
      await expect(index.placeResidents(['110105194912310021'])).rejects.toMatchObject({
        code: 'DEPARTMENT_UNAVAILABLE',
        department: 'grid',
        message: expect.stringMatching(/^grid: jurisdiction index: /),
      });
    } finally {
      await index.close();
    }
  });
});

describe('ServedRecord', () => {
  it('names residents only by their string id, and every field by type', () => {
    const served = new ServedRecord();
    expect(served.empty).toBe(true);
    served.record('Household', undefined, 'members');
    served.record('Resident', 42, 'name');
    served.record('Resident', 'R1', 'name');
    expect({ residents: [...served.served.residentIds], fields: [...served.served.fields], empty: served.empty }).toEqual({
      residents: ['R1'],
      fields: ['Household.members', 'Resident.name'],
      empty: false,
    });
  });
});

describe('trustedContext', () => {
  const worker = caller('grid-worker', { grids: ['G01'] });
  const request = (header?: string | string[]) => ({ headers: header === undefined ? {} : { [GATEWAY_CONTEXT_HEADER]: header } }) as unknown as IncomingMessage;

  it('gives a request the gateway signed its department context and the trust, and refuses the rest with 401', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const context = trustedContext(async () => ({ department: 'labour' }), publicKey, null);
    const signed = await signGatewayContext({ caller: worker, purpose: null, requestId: 'r-1', operationId: 'o-1' }, privateKey);

    expect(await context(request(signed), '')).toEqual({
      department: 'labour',
      trust: { caller: worker, purpose: null, requestId: 'r-1', operationId: 'o-1', clientRequestId: null, bodyHash: null, contextId: expect.any(String) },
    });
    expect(await context(request([signed, 'garbage']), '')).toMatchObject({ trust: { requestId: 'r-1' } });
    await expect(context(request(), '')).rejects.toMatchObject({
      message: 'no gateway context: subgraphs answer only through the gateway',
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
    await expect(context(request('not.a.context'), '')).rejects.toMatchObject({
      message: 'gateway context does not verify',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
