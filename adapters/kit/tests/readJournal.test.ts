import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readJournal } from '../src';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'journal-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('reads nothing where no journal was written yet', async () => {
  expect(await readJournal(path.join(dir, 'none.jsonl'))).toEqual([]);
});

it('reads every whole line, and cuts a torn last line off the file: that change was never answered', async () => {
  const file = path.join(dir, 'torn.jsonl');
  await writeFile(file, '{"key":"a"}\n\n{"key":"b"}\n{"key":"c"');
  expect(await readJournal(file)).toEqual([{ key: 'a' }, { key: 'b' }]);
  expect(await readFile(file, 'utf8')).toBe('{"key":"a"}\n\n{"key":"b"}\n');
});

it('names a whole line that is not an entry rather than skipping it', async () => {
  const file = path.join(dir, 'broken.jsonl');
  await writeFile(file, '{"key":"a"}\nnot json\n{"key":"c"}\n');
  await expect(readJournal(file)).rejects.toThrow(`${file}: line 2 is not an entry`);
});
