import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleEntry } from '../src/bundleEntry';

describe('bundleEntry', () => {
  let outDir: string;
  beforeAll(() => {
    outDir = mkdtempSync(path.join(tmpdir(), 'bundle-'));
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('compiles the workspace code in and runs on plain Node, each npm package in the version its importer uses', async () => {
    const bundle = await bundleEntry({ entry: 'tools/stack/tests/fixtures/bundleProbe.ts', name: 'probe', outDir });
    expect(bundle).toBe(path.join(outDir, 'probe.js'));
    const code = readFileSync(bundle, 'utf8');
    expect(code).not.toMatch(/require\("@resident-graph\//);
    expect(code).toMatch(/require\("[^"]*tools\/trust\/node_modules\/lru-cache\//);
    const run = spawnSync(process.execPath, [bundle], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ subject: 'probe-1', again: 'probe-1' });
  });

  it("keeps decorator metadata and the source's own folder, as under the TypeScript loader", async () => {
    const bundle = await bundleEntry({ entry: 'tools/stack/tests/fixtures/bundleDecorated.ts', name: 'decorated', outDir });
    const run = spawnSync(process.execPath, [bundle], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ designTypes: ['String', 'Date'], dirname: path.join(__dirname, 'fixtures'), className: 'Probe' });
  });

  it('names the file and the problem when the entry does not compile', async () => {
    await expect(bundleEntry({ entry: 'tools/stack/tests/fixtures/missing.ts', name: 'missing', outDir })).rejects.toThrow(/missing\.ts/);
  });

  it('uses a bundle as it is while its sources are unchanged, and makes it again when one of them changes', async () => {
    const sources = mkdtempSync(path.join(tmpdir(), 'bundle-sources-'));
    try {
      const entry = path.join(sources, 'entry.ts');
      const part = path.join(sources, 'part.ts');
      writeFileSync(entry, "import { word } from './part';\nprocess.stdout.write(word);\n");
      writeFileSync(part, "export const word: string = 'first';\n");
      const run = (bundle: string) => spawnSync(process.execPath, [bundle], { encoding: 'utf8', timeout: 30_000 }).stdout;
      const bundle = await bundleEntry({ entry, name: 'cached', outDir });
      expect(run(bundle)).toBe('first');
      const made = statSync(bundle).mtimeMs;
      await new Promise((resolve) => setTimeout(resolve, 20));
      await bundleEntry({ entry, name: 'cached', outDir });
      expect(statSync(bundle).mtimeMs).toBe(made);

      writeFileSync(part, "export const word: string = 'second';\n");
      await bundleEntry({ entry, name: 'cached', outDir });
      expect(run(bundle)).toBe('second');
    } finally {
      rmSync(sources, { recursive: true, force: true });
    }
  });
});
