export { createPublicSecurityAdapter, type PublicSecurityAdapter, type PublicSecurityAdapterOptions } from './createPublicSecurityAdapter';
export type { HouseholdMemberRecord, HouseholdRecord, PublicSecurityRecord, RegistrationStatus, ResidencePermit, StatisticsRow } from './PublicSecurityRecord';
