import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build, version as esbuildVersion, type Plugin } from 'esbuild';
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

/** A decorator at the start of a line: `@Resolver(`, `@Field(() => …)`, `@Directive(`… */
const DECORATOR = /^\s*@[A-Za-z_$][\w$]*\s*\(/m;

/**
 * Workspace sources compiled as they run under the TypeScript loader, in two respects:
 * - `__dirname` and `__filename` keep naming the source's own folder and file (a stand-in
 *   finds its SQL migrations beside its source), not the bundle's;
 * - type-graphql reads the types of fields and arguments from the `design:type` metadata
 *   TypeScript's legacy decorators emit, which esbuild does not: files with decorators go
 *   through swc (the compiler the loader uses), with tsconfig.base.json's settings.
 */
const workspaceSourcesAsTheyRun: Plugin = {
  name: 'workspace-sources-as-they-run',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = readFileSync(args.path, 'utf8')
        .replace(/\b__dirname\b/g, JSON.stringify(path.dirname(args.path)))
        .replace(/\b__filename\b/g, JSON.stringify(args.path));
      if (!DECORATOR.test(source)) return { contents: source, loader: 'ts' };
      // Loaded only when a bundle is made: its native module is 25 MB of a process that
      // otherwise finds every bundle made already (npm start's supervisor).
      const { transform } = await import('@swc/core');
      const { code } = await transform(source, {
        filename: args.path,
        sourceMaps: 'inline',
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2023',
          keepClassNames: true,
        },
        module: { type: 'es6' },
      });
      return { contents: code, loader: 'js' };
    });
  },
};

/**
 * What a bundle was made from: each source's size and modification time, and how it was
 * made (this file and esbuild's version). The same fingerprint means the same bundle.
 */
const MADE_BY = createHash('sha256').update(esbuildVersion).update(readFileSync(__filename)).digest('hex');

function fingerprintOf(inputs: readonly string[]): string | null {
  const hash = createHash('sha256').update(MADE_BY);
  for (const input of [...inputs].sort()) {
    try {
      const { size, mtimeMs } = statSync(path.resolve(REPO_ROOT, input));
      hash.update(`${input}:${size}:${mtimeMs}\n`);
    } catch {
      return null;
    }
  }
  return hash.digest('hex');
}

interface BuildRecord {
  fingerprint: string;
  inputs: string[];
}

const readRecord = (file: string): BuildRecord | null => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BuildRecord;
  } catch {
    return null;
  }
};

/** Written beside and renamed into place: a process starting from the file, or another build of it at the same time, never reads half of one. */
function writeWhole(file: string, contents: string | Uint8Array): void {
  const staging = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(staging, contents);
  renameSync(staging, file);
}

/**
 * Compiles a TypeScript entry and the workspace code it imports into one CommonJS file,
 * with its source map, for a process that should not carry a TypeScript loader: the
 * loader and the TypeScript compiler it brings hold about 90 MB of a process's memory.
 * A bundle whose sources have not changed since it was made is used as it is (its record,
 * `<name>.js.inputs.json`, lists them).
 *
 * @returns the bundle's absolute path, `<outDir>/<name>.js`.
 */
export async function bundleEntry(options: { entry: string; name: string; outDir: string }): Promise<string> {
  mkdirSync(options.outDir, { recursive: true });
  const outfile = path.join(options.outDir, `${options.name}.js`);
  const recordFile = `${outfile}.inputs.json`;
  const record = readRecord(recordFile);
  if (record && record.fingerprint === fingerprintOf(record.inputs) && statSync(outfile, { throwIfNoEntry: false })) return outfile;
  const result = await build({
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
    write: false,
    metafile: true,
    plugins: [installedPackagesStayOut, workspaceSourcesAsTheyRun],
  });
  for (const output of result.outputFiles) writeWhole(output.path, output.contents);
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules/'));
  const fingerprint = fingerprintOf(inputs);
  if (fingerprint) writeWhole(recordFile, JSON.stringify({ fingerprint, inputs } satisfies BuildRecord));
  return outfile;
}
