import { checkCharacter, citizenIdsOneTypoAway, normalizeCitizenId } from '@resident-graph/schemas';
import { Random } from '../src/random';
import { typoOf } from '../src/imperfections';

const first17 = '31011519800101123';
const id = first17 + checkCharacter(first17);

/** Every stored value typoOf may choose from, with the valid IDs one typo away from each. */
function typosOf(value: string): Map<string, string[]> {
  const neighbours = new Map<string, string[]>();
  for (const position of [0, 1, 2, 3, 4, 5, 14, 15, 16, 17]) {
    for (const c of position === 17 ? '0123456789X' : '0123456789') {
      if (c === value[position]) continue;
      const stored = value.slice(0, position) + c + value.slice(position + 1);
      neighbours.set(
        stored,
        citizenIdsOneTypoAway(stored).filter((candidate) => candidate !== value),
      );
    }
  }
  return neighbours;
}

describe('typoOf', () => {
  const neighbours = typosOf(id);

  it('changes one digit outside the birth date so that the check digit fails', () => {
    for (let seed = 0; seed < 20; seed++) {
      const stored = typoOf(new Random(seed, 'typo'), id, new Set([id]))!;
      expect([...stored].filter((c, i) => c !== id[i])).toHaveLength(1);
      expect(stored.slice(6, 14)).toBe(id.slice(6, 14));
      expect(normalizeCitizenId(stored)).toMatchObject({ ok: false, problem: 'BAD_CHECK_DIGIT' });
    }
  });

  it('avoids a stored value that another resident’s ID is one typo away from', () => {
    const [safe] = [...neighbours.keys()];
    const safeNeighbours = new Set(neighbours.get(safe!));
    const others = [...neighbours.values()].flat().filter((candidate) => !safeNeighbours.has(candidate));
    const residentIds = new Set([id, ...others]);
    for (let seed = 0; seed < 20; seed++) {
      const stored = typoOf(new Random(seed, 'typo'), id, residentIds);
      expect(stored).not.toBeNull();
      expect(citizenIdsOneTypoAway(stored!).filter((candidate) => residentIds.has(candidate))).toEqual([id]);
    }
  });

  it('gives up rather than store an ambiguous typo', () => {
    const residentIds = new Set([id, ...[...neighbours.values()].flat()]);
    expect(typoOf(new Random(1, 'typo'), id, residentIds)).toBeNull();
  });
});
