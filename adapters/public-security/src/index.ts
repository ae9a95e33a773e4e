export { createPublicSecurityAdapter, type PublicSecurityAdapter, type PublicSecurityAdapterOptions } from './createPublicSecurityAdapter';
export type { HouseholdMemberRecord, HouseholdRecord, PublicSecurityRecord, ResidencePermit, StatisticsRow } from './PublicSecurityRecord';
