import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { KeyLike } from 'jose';
import type { Caller } from '../Caller';
import { GATEWAY_CONTEXT_HEADER, hashBody, signGatewayContext } from '../gatewayContext';
import { ensureKeyPairs, loadKey } from '../keys';
import type { Purpose } from '../purpose';
import { mintUserToken } from '../userTokens';

export interface TestTrust {
  keysDir: string;
  gatewayPublicKey: KeyLike;
  /**
   * Headers a request needs to reach a subgraph as the gateway would send it; bound to
   * `body` (the exact request body) when one is given.
   */
  gatewayHeaders(caller: Caller, purpose?: Purpose | null, body?: string): Promise<Record<string, string>>;
  /** A user token for the gateway. */
  userToken(caller: Caller, expiresIn?: string): Promise<string>;
}

/**
 * Fresh key pairs in a temporary folder, made the process's `TRUST_KEYS_DIR` so servers
 * started in the test find them, and signers for both kinds of credential. Subgraphs
 * started in the process take unbound contexts unless GATEWAY_CONTEXT_BINDING is set.
 */
export async function createTestTrust(): Promise<TestTrust> {
  const keysDir = mkdtempSync(path.join(os.tmpdir(), 'resident-graph-keys-'));
  await ensureKeyPairs(keysDir);
  process.env.TRUST_KEYS_DIR = keysDir;
  // Subgraph suites sign a context per request without its body; binding has suites of its own.
  process.env.GATEWAY_CONTEXT_BINDING ??= 'off';
  const [gatewayPrivateKey, gatewayPublicKey, issuerPrivateKey] = await Promise.all([
    loadKey(keysDir, 'gateway', 'private'),
    loadKey(keysDir, 'gateway', 'public'),
    loadKey(keysDir, 'issuer', 'private'),
  ]);
  return {
    keysDir,
    gatewayPublicKey,
    async gatewayHeaders(caller, purpose = { code: 'CASE_REVIEW', reference: null }, body) {
      const bodyHash = body === undefined ? null : hashBody(body);
      const context = await signGatewayContext({ caller, purpose, requestId: randomUUID(), operationId: randomUUID(), bodyHash }, gatewayPrivateKey);
      return { [GATEWAY_CONTEXT_HEADER]: context };
    },
    userToken: (caller, expiresIn) => mintUserToken(caller, issuerPrivateKey, { expiresIn }),
  };
}
