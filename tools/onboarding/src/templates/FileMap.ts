/** Files to write, by path relative to the folder they belong in. */
export type FileMap = Record<string, string>;

export function under(folder: string, files: FileMap): FileMap {
  return Object.fromEntries(Object.entries(files).map(([file, content]) => [`${folder}/${file}`, content]));
}
