import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** The composed supergraph the gateway serves (`npm run compose` writes it). */
export const SUPERGRAPH_FILE = path.join(REPO_ROOT, 'schemas', 'supergraph.graphql');

/** Where the stack's processes are compiled to (`bundleEntry`), shared by every stack of the checkout: a bundle is made again only when its sources change. */
export const BUILD_DIR = path.join(REPO_ROOT, '.data', 'build');
