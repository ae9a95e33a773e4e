export * from './Caller';
export * from './purpose';
export * from './TrustError';
export { ensureKeyPairs, loadKey, loadPseudonymSecret, type KeyOwner } from './keys';
export { CHANGE_DELIVERY_HEADER, signChangeDelivery, verifyChangeDelivery, type ChangeDeliveryClaims, type VerifiedChangeDelivery } from './changeDelivery';
export { KEY_SET_REQUEST_HEADER, signKeySetRequest, verifyKeySetRequest, type KeySetRequestClaims, type VerifiedKeySetRequest } from './keySetRequest';
export { createUserTokenVerifier, mintUserToken, verifyUserToken, TOKEN_AUDIENCE, TOKEN_ISSUER } from './userTokens';
export {
  GATEWAY_CONTEXT_HEADER,
  GATEWAY_CONTEXT_TTL_SECONDS,
  hashBody,
  signGatewayContext,
  verifyGatewayContext,
  type GatewayContextClaims,
  type VerifiedGatewayContext,
} from './gatewayContext';
export { memoryReplayGuard, redisReplayGuard, type ReplayGuard } from './replayGuard';
export { DEFAULT_KEYS_DIR, loadTrustSettings } from './trustSettings';
export type { KeyLike } from 'jose';
