export * from './Caller';
export * from './purpose';
export * from './TrustError';
export { ensureKeyPairs, loadKey, type KeyOwner } from './keys';
export { createUserTokenVerifier, mintUserToken, verifyUserToken, TOKEN_AUDIENCE, TOKEN_ISSUER } from './userTokens';
export { GATEWAY_CONTEXT_HEADER, GATEWAY_CONTEXT_LIFETIME_SECONDS, signGatewayContext, verifyGatewayContext, type GatewayContextClaims } from './gatewayContext';
export { DEFAULT_KEYS_DIR, loadTrustSettings } from './trustSettings';
export type { KeyLike } from 'jose';
export { createTestTrust, type TestTrust } from './testTrust';
