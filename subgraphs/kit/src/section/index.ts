export * from './ResidentEntity';
export * from './SectionContext';
export * from './sectionPolicy';
export * from './defineSectionSubgraph';
export { recordLinkMutationNames } from './recordLinkMutationNames';
export { RecordLinkDecision, RecordLinkInput } from './recordLinkTypes';
export { recordLinkRows } from './recordLinkRows';
