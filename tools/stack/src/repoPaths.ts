import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** The composed supergraph the gateway serves (`npm run compose` writes it). */
export const SUPERGRAPH_FILE = path.join(REPO_ROOT, 'schemas', 'supergraph.graphql');
