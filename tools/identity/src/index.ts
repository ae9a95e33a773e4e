export * from './types';
export { foldName, compareNames, type NameAgreement } from './foldName';
export { candidateIdsOf, type CandidateId } from './candidateIds';
export { gradeCandidates } from './gradeCandidates';
export { IdentityMatcher, type RecordResolution } from './IdentityMatcher';
export { isNameVariant } from './isNameVariant';
