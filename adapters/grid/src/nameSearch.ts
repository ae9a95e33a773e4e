/** Fewer characters than this match too many people to be a search for one. */
export const MIN_NAME_SEARCH_LENGTH = 2;
/** Longer than any name the survey records. */
export const MAX_NAME_SEARCH_LENGTH = 30;
/** A search is for finding someone, not for listing a grid: that is the roster. */
export const MAX_NAME_SEARCH_RESULTS = 50;

/** A name search this adapter will not run. */
export class NameSearchError extends Error {
  override readonly name = 'NameSearchError';
}

/** Throws `NameSearchError` naming what is wrong; lengths count characters, not UTF-16 units (a rare character is one). */
export function checkNameSearch(name: string, first: number): void {
  const length = [...name].length;
  if (name.trim() !== name) throw new NameSearchError('a name to search for must not start or end with spaces');
  if (length < MIN_NAME_SEARCH_LENGTH) throw new NameSearchError(`a name to search for needs at least ${MIN_NAME_SEARCH_LENGTH} characters`);
  if (length > MAX_NAME_SEARCH_LENGTH) throw new NameSearchError(`a name to search for has at most ${MAX_NAME_SEARCH_LENGTH} characters`);
  if (!Number.isInteger(first) || first < 1 || first > MAX_NAME_SEARCH_RESULTS) {
    throw new NameSearchError(`"first" must be an integer from 1 to ${MAX_NAME_SEARCH_RESULTS}`);
  }
}
