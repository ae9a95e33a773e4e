import { mkdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { REPO_ROOT } from './repoPaths';

const BUILTINS = new Set(builtinModules);

/**
 * Leaves every npm package out of the bundle, as it is installed, but points the bundle at
 * the exact copy the importing file would load: a package may be installed in several
 * versions (lru-cache is), and the bundle's own folder would find the wrong one.
 * Workspace packages (`@resident-graph/*`) are compiled in.
 */
const installedPackagesStayOut: Plugin = {
  name: 'installed-packages-stay-out',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@resident-graph/')) return undefined;
      if (args.path.startsWith('node:') || BUILTINS.has(args.path.split('/')[0]!)) return { path: args.path, external: true };
      return { path: require.resolve(args.path, { paths: [args.resolveDir] }), external: true };
    });
  },
};

/**
 * Compiles a TypeScript entry and the workspace code it imports into one CommonJS file,
 * with its source map, for a process that should not carry a TypeScript loader: the
 * loader and the TypeScript compiler it brings hold about 90 MB of a process's memory.
 * Only for code without decorator metadata (esbuild does not emit it).
 *
 * @returns the bundle's absolute path, `<outDir>/<name>.js`.
 */
export async function bundleEntry(options: { entry: string; name: string; outDir: string }): Promise<string> {
  mkdirSync(options.outDir, { recursive: true });
  const outfile = path.join(options.outDir, `${options.name}.js`);
  await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: [options.entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    sourcemap: 'linked',
    keepNames: true,
    logLevel: 'silent',
    plugins: [installedPackagesStayOut],
  });
  return outfile;
}
