import { readFile, truncate } from 'node:fs/promises';

/**
 * The entries of a stand-in's journal (one JSON entry per line, appended as each change is
 * answered), to replay on start; none when there is no journal yet. A crash while writing
 * leaves at most the last line torn: that change was never answered, so its sender tries
 * again, and the torn line is cut off the file. Any other unreadable line is an error naming it.
 */
export async function readJournal<T>(file: string): Promise<T[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const complete = bytes.lastIndexOf(0x0a) + 1;
  if (complete < bytes.length) await truncate(file, complete);
  return bytes
    .subarray(0, complete)
    .toString('utf8')
    .split('\n')
    .slice(0, -1)
    .flatMap((line, index) => {
      if (line.trim() === '') return [];
      try {
        return [JSON.parse(line) as T];
      } catch (error) {
        throw new Error(`${file}: line ${index + 1} is not an entry`, { cause: error });
      }
    });
}
