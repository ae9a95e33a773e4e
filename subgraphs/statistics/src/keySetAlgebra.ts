import { RoaringBitmap32, roaringLibraryInitialize } from 'roaring-wasm';
import type { Condition } from './condition';

/** Loads the WebAssembly module once; every bitmap operation waits for it. */
export const bitmapsReady: Promise<void> = roaringLibraryInitialize();

const wordsOf = (keys: BigUint64Array) => new Uint32Array(keys.buffer, keys.byteOffset, keys.length * 2);

/**
 * Where each key of `set` sits in `universe` (both sorted ascending): keys outside the
 * universe (residents outside the analyst's jurisdiction, or no one the grid places) drop
 * out here. A merge over the two arrays' 32-bit halves, so no BigInt is made per key.
 */
export function positionsIn(universe: BigUint64Array, set: BigUint64Array): Uint32Array {
  const u = wordsOf(universe);
  const s = wordsOf(set);
  const found = new Uint32Array(Math.min(set.length, universe.length));
  let count = 0;
  let i = 0;
  let j = 0;
  // Little-endian: word 2n is a key's low half, 2n+1 its high half.
  while (i < universe.length && j < set.length) {
    const uHigh = u[2 * i + 1]!;
    const sHigh = s[2 * j + 1]!;
    const uLow = u[2 * i]!;
    const sLow = s[2 * j]!;
    if (uHigh < sHigh || (uHigh === sHigh && uLow < sLow)) i++;
    else if (uHigh > sHigh || uLow > sLow) j++;
    else {
      found[count++] = i;
      i++;
      j++;
    }
  }
  return found.subarray(0, count);
}

/** A bitmap of universe positions. */
export function bitmapOf(positions: Uint32Array): RoaringBitmap32 {
  const bitmap = new RoaringBitmap32();
  bitmap.addMany(positions);
  return bitmap;
}

/**
 * The residents a condition holds for, as a new bitmap (the caller disposes it): `all` is
 * an intersection, `any` a union, `not` the complement within `everyone` — the analyst's
 * jurisdiction, never the street.
 */
export function evaluate(condition: Condition, leaves: readonly RoaringBitmap32[], everyone: RoaringBitmap32): RoaringBitmap32 {
  switch (condition.kind) {
    case 'everyone':
      return everyone.clone();
    case 'fact':
      return leaves[condition.leaf]!.clone();
    case 'not': {
      const complement = everyone.clone();
      const excluded = evaluate(condition.of, leaves, everyone);
      complement.andNotInPlace(excluded);
      excluded.dispose();
      return complement;
    }
    case 'all':
    case 'any': {
      const [first, ...rest] = condition.of;
      const result = evaluate(first!, leaves, everyone);
      for (const child of rest) {
        const other = evaluate(child, leaves, everyone);
        if (condition.kind === 'all') result.andInPlace(other);
        else result.orInPlace(other);
        other.dispose();
      }
      return result;
    }
  }
}

export { RoaringBitmap32 };
