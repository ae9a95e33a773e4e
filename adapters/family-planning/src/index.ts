export * from './FamilyPlanningRecord';
export * from './createFamilyPlanningAdapter';
