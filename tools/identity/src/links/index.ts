// The link table alone, for the subgraphs that read and decide links: no matching, no export readers.
export * from './LinkStore';
export * from './LinkDecisionError';
export { createLinkStore, prepareLinkStore, DEFAULT_LINK_SCHEMA, type LinkStoreOptions } from './createLinkStore';
