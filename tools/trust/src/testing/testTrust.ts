import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { KeyLike } from 'jose';
import type { Caller } from '../Caller';
import { GATEWAY_CONTEXT_HEADER, signGatewayContext } from '../gatewayContext';
import { ensureKeyPairs, loadKey } from '../keys';
import type { Purpose } from '../purpose';
import { mintUserToken } from '../userTokens';

export interface TestTrust {
  keysDir: string;
  gatewayPublicKey: KeyLike;
  /** Headers a request needs to reach a subgraph as the gateway would send it. */
  gatewayHeaders(caller: Caller, purpose?: Purpose | null): Promise<Record<string, string>>;
  /** A user token for the gateway. */
  userToken(caller: Caller, expiresIn?: string): Promise<string>;
}

/**
 * Fresh key pairs in a temporary folder, made the process's `TRUST_KEYS_DIR` so servers
 * started in the test find them, and signers for both kinds of credential.
 */
export async function createTestTrust(): Promise<TestTrust> {
  const keysDir = mkdtempSync(path.join(os.tmpdir(), 'resident-graph-keys-'));
  await ensureKeyPairs(keysDir);
  process.env.TRUST_KEYS_DIR = keysDir;
  const [gatewayPrivateKey, gatewayPublicKey, issuerPrivateKey] = await Promise.all([
    loadKey(keysDir, 'gateway', 'private'),
    loadKey(keysDir, 'gateway', 'public'),
    loadKey(keysDir, 'issuer', 'private'),
  ]);
  return {
    keysDir,
    gatewayPublicKey,
    async gatewayHeaders(caller, purpose = { code: 'CASE_REVIEW', reference: null }) {
      const context = await signGatewayContext({ caller, purpose, requestId: randomUUID(), operationId: randomUUID() }, gatewayPrivateKey);
      return { [GATEWAY_CONTEXT_HEADER]: context };
    },
    userToken: (caller, expiresIn) => mintUserToken(caller, issuerPrivateKey, { expiresIn }),
  };
}
