import { checkCharacter, convert15To18, toFifteenDigitId } from '@resident-graph/schemas';
import { StoredIdIndex } from '../src';

const id = (first17: string) => first17 + checkCharacter(first17);
const plain = id('31011519850101001');
const legacy = id('31011519620808022');
const fullWidth = id('31011519900202003');
const mistypedOf = id('31011519750505004');
/** One digit of the region changed: no longer its check character's ID. */
const mistyped = `3101${Number(mistypedOf[4]) === 9 ? 0 : Number(mistypedOf[4]) + 1}${mistypedOf.slice(5)}`;
const toFullWidth = (value: string) => value.replace(/[0-9]/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));
const key = (storedId: string, recordReference: string) => ({ storedId, recordReference, nameOnRecord: '张伟' });

const scanner = StoredIdIndex.scanner('civil-affairs');
[key(plain, 'R1'), key(toFifteenDigitId(legacy)!, 'R2'), key(toFullWidth(fullWidth), 'R3'), key(mistyped, 'R4')].forEach((stored) => scanner.add(stored));
const scanned = scanner.finish();

test('asks for every ID as it is, in its 15-digit form, and in an odd form the scan saw', () => {
  expect(convert15To18(toFifteenDigitId(legacy)!)).toBe(legacy);
  expect(scanned.index.storedFormsOf([plain, legacy, fullWidth]).sort()).toEqual(
    [plain, toFifteenDigitId(plain), legacy, toFifteenDigitId(legacy), fullWidth, toFifteenDigitId(fullWidth), toFullWidth(fullWidth)].sort(),
  );
  // Before any scan, the forms that follow from the ID alone.
  expect(StoredIdIndex.empty('civil-affairs').storedFormsOf([legacy])).toEqual([legacy, toFifteenDigitId(legacy)]);
  expect(StoredIdIndex.empty('civil-affairs').storedFormsOf(['310115200101010011'])).toEqual(['310115200101010011']);
});

test('reports a record one typo away in lookups, and hands every issue the scan saw to its caller', () => {
  expect(scanned.index.issuesFor(mistypedOf)).toEqual([
    { department: 'civil-affairs', kind: 'INVALID_CITIZEN_ID', storedId: mistyped, recordReference: 'R4', nameOnRecord: '张伟' },
  ]);
  expect(scanned.index.issuesFor(plain)).toEqual([]);
  expect(scanned.issues.get(mistypedOf)).toEqual(scanned.index.issuesFor(mistypedOf));
  expect(scanned.issues.get(legacy)).toEqual([
    { department: 'civil-affairs', kind: 'LEGACY_15_DIGIT_ID', storedId: toFifteenDigitId(legacy), recordReference: 'R2', nameOnRecord: '张伟' },
  ]);
  expect(scanned.issues.has(plain)).toBe(false);
  expect(scanned.issues.has(fullWidth)).toBe(false);
});
