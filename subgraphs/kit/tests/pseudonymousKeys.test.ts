import { randomBytes } from 'node:crypto';
import { checkCharacter } from '@resident-graph/schemas';
import { createPseudonymizer, toKeySet } from '../src';

const first17 = '31011519520211031';
const id = first17 + checkCharacter(first17);

describe('toKeySet', () => {
  it('sorts keys ascending as unsigned 64-bit numbers and keeps each once', () => {
    expect([...toKeySet([5n, 2n ** 64n - 1n, 1n, 5n, 0n, 1n])]).toEqual([0n, 1n, 5n, 2n ** 64n - 1n]);
  });

  it('makes an empty set of no keys', () => {
    expect(toKeySet([])).toHaveLength(0);
  });
});

describe('the pseudonymizer', () => {
  const secret = randomBytes(32);

  it('gives a person the same key in every department that holds the secret, and another key under another secret', () => {
    expect(createPseudonymizer(secret).keyOf(id)).toBe(createPseudonymizer(Buffer.from(secret)).keyOf(id));
    expect(createPseudonymizer(randomBytes(32)).keyOf(id)).not.toBe(createPseudonymizer(secret).keyOf(id));
  });

  it('keys a stored 15-digit or oddly formatted ID as the canonical one, and no ID that fails its check', () => {
    const keys = createPseudonymizer(secret);
    expect(keys.keyOfStored(id.slice(0, 6) + id.slice(8, 17))).toBe(keys.keyOf(id));
    expect(keys.keyOfStored(` ${id.slice(0, 6)} ${id.slice(6)} `)).toBe(keys.keyOf(id));
    expect(keys.keyOfStored(`${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`)).toBeNull();
  });
});
