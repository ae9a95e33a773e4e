import { compareNames } from './foldName';

/**
 * Whether a record names its resident in another script: the names differ as keyed but
 * agree once traditional characters, full-width forms and spacing are folded. Identical
 * names and different names are both `false` — only a variant is a variant.
 */
export function isNameVariant(nameOnRecord: string | null, registeredName: string): boolean {
  return compareNames(nameOnRecord, registeredName) === 'SCRIPT_VARIANT';
}
