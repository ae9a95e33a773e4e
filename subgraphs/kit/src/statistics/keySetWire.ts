import type { PersonalDimension } from '@resident-graph/schemas';
import type { KeySetAnswer } from './keySets';

/** The answer's shape and array lengths; the arrays follow it in this order, each 8-byte aligned. */
interface WireHeader {
  unresolvedRecords: number;
  facts: number[];
  partitions: { dimension: PersonalDimension; values: { value: string; length: number }[] }[];
  placement: { length: number; gridIds: string[]; communityOfGrid: string[] } | null;
}

const align8 = (offset: number) => (offset + 7) & ~7;

/**
 * Binary on the wire, not JSON: a district's key sets are megabytes of 64-bit keys, which
 * JSON would turn into ten times as many bytes of text to print and parse. A 4-byte
 * header length, the header as JSON, then the typed arrays.
 */
export function encodeKeySetAnswer(answer: KeySetAnswer): Buffer {
  const partitions = Object.entries(answer.partitions).map(([dimension, values]) => ({
    dimension: dimension as PersonalDimension,
    values: Object.entries(values).map(([value, keys]) => ({ value, keys })),
  }));
  const header: WireHeader = {
    unresolvedRecords: answer.unresolvedRecords,
    facts: answer.facts.map((keys) => keys.length),
    partitions: partitions.map(({ dimension, values }) => ({ dimension, values: values.map(({ value, keys }) => ({ value, length: keys.length })) })),
    placement: answer.placement
      ? { length: answer.placement.keys.length, gridIds: answer.placement.gridIds, communityOfGrid: answer.placement.communityOfGrid }
      : null,
  };
  const arrays: ArrayBufferView[] = [
    ...answer.facts,
    ...partitions.flatMap(({ values }) => values.map(({ keys }) => keys)),
    ...(answer.placement ? [answer.placement.keys, answer.placement.grid, answer.placement.household] : []),
  ];
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  let size = align8(4 + headerBytes.length);
  for (const array of arrays) size = align8(size + array.byteLength);
  const out = Buffer.alloc(size);
  out.writeUInt32LE(headerBytes.length, 0);
  headerBytes.copy(out, 4);
  let offset = align8(4 + headerBytes.length);
  for (const array of arrays) {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
    offset = align8(offset + array.byteLength);
  }
  return out;
}

export class KeySetWireError extends Error {}

/** Reads what `encodeKeySetAnswer` wrote; a truncated or inconsistent body throws `KeySetWireError`. */
export function decodeKeySetAnswer(body: Uint8Array): KeySetAnswer {
  if (body.byteLength < 4) throw new KeySetWireError('key-set answer shorter than its header length');
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const headerLength = bytes.readUInt32LE(0);
  if (4 + headerLength > bytes.length) throw new KeySetWireError('key-set answer cut inside its header');
  let header: WireHeader;
  try {
    header = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8')) as WireHeader;
  } catch {
    throw new KeySetWireError('key-set answer header is not JSON');
  }
  // Copied into one fresh, aligned buffer: typed-array views need their element alignment.
  const data = new Uint8Array(bytes.length);
  data.set(bytes);
  let offset = align8(4 + headerLength);
  const take = <T>(length: number, width: number, make: (buffer: ArrayBuffer, at: number, n: number) => T): T => {
    if (!Number.isInteger(length) || length < 0 || offset + length * width > data.byteLength)
      throw new KeySetWireError('key-set answer shorter than its header says');
    const array = make(data.buffer, offset, length);
    offset = align8(offset + length * width);
    return array;
  };
  const keys = (length: number) => take(length, 8, (buffer, at, n) => new BigUint64Array(buffer, at, n));
  const facts = header.facts.map(keys);
  const partitions: KeySetAnswer['partitions'] = {};
  for (const { dimension, values } of header.partitions) partitions[dimension] = Object.fromEntries(values.map(({ value, length }) => [value, keys(length)]));
  const placement = header.placement && {
    keys: keys(header.placement.length),
    grid: take(header.placement.length, 2, (buffer, at, n) => new Uint16Array(buffer, at, n)),
    household: take(header.placement.length, 4, (buffer, at, n) => new Uint32Array(buffer, at, n)),
    gridIds: header.placement.gridIds,
    communityOfGrid: header.placement.communityOfGrid,
  };
  return { facts, partitions, ...(placement && { placement }), unresolvedRecords: header.unresolvedRecords };
}
