import { decodeKeySetAnswer, encodeKeySetAnswer, KeySetWireError, type KeySetAnswer } from '../src';

const keys = (...values: bigint[]) => BigUint64Array.from(values);

const answer: KeySetAnswer = {
  facts: [keys(1n, 5n, 2n ** 64n - 1n), keys()],
  partitions: { GENDER: { MALE: keys(1n), FEMALE: keys(5n, 9n) }, AGE_BAND: { '90+': keys(7n) } },
  placement: {
    keys: keys(1n, 5n, 9n),
    grid: Uint16Array.from([0, 1, 1]),
    household: Uint32Array.from([0, 1, 1]),
    gridIds: ['G001', 'G002'],
    communityOfGrid: ['C01', 'C01'],
  },
  unresolvedRecords: 3,
};

describe('the key-set wire', () => {
  it('reads back what it wrote: facts, partitions, placement and the unresolved count', () => {
    expect(decodeKeySetAnswer(encodeKeySetAnswer(answer))).toEqual(answer);
  });

  it('reads an answer without placement, from a view that does not start at its buffer', () => {
    const bare: KeySetAnswer = { facts: [keys(4n)], partitions: {}, unresolvedRecords: 0 };
    const encoded = encodeKeySetAnswer(bare);
    const offset = new Uint8Array(encoded.length + 3);
    offset.set(encoded, 3);
    expect(decodeKeySetAnswer(offset.subarray(3))).toEqual(bare);
  });

  it.each([
    ['shorter than its header length', (body: Buffer) => body.subarray(0, 2)],
    ['cut inside its header', (body: Buffer) => body.subarray(0, 10)],
    ['cut inside its arrays', (body: Buffer) => body.subarray(0, body.length - 8)],
    ['with a header that is not JSON', (body: Buffer) => Buffer.concat([body.subarray(0, 4), Buffer.from('{'.repeat(body.readUInt32LE(0)))])],
  ])('refuses a body %s with KeySetWireError', (_case, spoil) => {
    expect(() => decodeKeySetAnswer(spoil(encodeKeySetAnswer(answer)))).toThrow(KeySetWireError);
  });
});
