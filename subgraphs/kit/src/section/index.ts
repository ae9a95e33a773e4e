export * from './ResidentEntity';
export * from './SectionContext';
export * from './sectionPolicy';
export * from './defineSectionSubgraph';
