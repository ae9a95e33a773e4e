import { generateKeyPair } from 'jose';
import { signServiceRequest } from '../src/serviceRequest';
import {
  CHANGE_DELIVERY_HEADER,
  signChangeDelivery,
  signKeySetRequest,
  verifyChangeDelivery,
  type Caller,
  type ChangeDeliveryClaims,
  type KeyLike,
} from '../src';

const clerk: Caller = { subject: 'clerk-1', role: 'window-clerk', department: null, grids: [], community: 'C01' };
const claims: ChangeDeliveryClaims = { department: 'labour', deliveryId: 'd-1', reportId: 'r-1', reporter: clerk };
const body = JSON.stringify({ kind: 'EMPLOYMENT_CHANGE', residentId: '110101199003074514', occurredOn: '2026-12-01', employment: { status: 'UNEMPLOYED' } });

let privateKey: KeyLike;
let publicKey: KeyLike;
beforeAll(async () => {
  ({ privateKey, publicKey } = await generateKeyPair('ES256'));
});

describe('a change delivery', () => {
  it('travels in the X-Change-Delivery header', () => {
    expect(CHANGE_DELIVERY_HEADER).toBe('x-change-delivery');
  });

  it('verifies for the department and body it was signed for, with its delivery, report, reporter and a token id of its own', async () => {
    const verified = await verifyChangeDelivery(await signChangeDelivery(claims, body, privateKey), body, 'labour', publicKey);
    expect(verified).toEqual({ ...claims, requestTokenId: expect.any(String) });
    const retry = await verifyChangeDelivery(await signChangeDelivery(claims, body, privateKey), body, 'labour', publicKey);
    expect(retry.deliveryId).toBe(verified.deliveryId);
    expect(retry.requestTokenId).not.toBe(verified.requestTokenId);
  });

  it('is refused without a signature, by another department, for another body, or signed with another key', async () => {
    const header = await signChangeDelivery(claims, body, privateKey);
    await expect(verifyChangeDelivery(undefined, body, 'labour', publicKey)).rejects.toThrow('no change delivery signature');
    await expect(verifyChangeDelivery(header, body, 'civil-affairs', publicKey)).rejects.toThrow('change delivery does not verify');
    await expect(verifyChangeDelivery(header, body.replace('UNEMPLOYED', 'EMPLOYED'), 'labour', publicKey)).rejects.toThrow('signed for another body');
    const other = await generateKeyPair('ES256');
    await expect(verifyChangeDelivery(await signChangeDelivery(claims, body, other.privateKey), body, 'labour', publicKey)).rejects.toThrow(
      'change delivery does not verify',
    );
  });

  it('is not a statistics request: the statistics service’s signature does not deliver a change', async () => {
    const header = await signKeySetRequest({ caller: clerk, requestId: 'q', department: 'labour' }, body, privateKey);
    await expect(verifyChangeDelivery(header, body, 'labour', publicKey)).rejects.toThrow('change delivery does not verify');
  });

  it.each([
    ['without a delivery id', { rep: 'r-1', reporter: clerk }],
    ['without a report id', { did: 'd-1', reporter: clerk }],
    ['with a reporter that is no caller', { did: 'd-1', rep: 'r-1', reporter: { subject: 'x', role: 'mayor' } }],
  ])('is refused %s, even signed by the changes service', async (_, claims) => {
    const header = await signServiceRequest({ issuer: 'resident-graph-changes', name: 'change delivery' }, 'labour', claims, body, privateKey);
    await expect(verifyChangeDelivery(header, body, 'labour', publicKey)).rejects.toThrow('change delivery is malformed');
  });
});
