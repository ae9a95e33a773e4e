import { checkCharacter } from '@resident-graph/schemas';
import type { Random } from './random';

/**
 * Issues unique citizen IDs for one region: birth date and sex are carried in the ID
 * (odd sequence = male), and no two people share a birth date and sequence.
 */
export class CitizenIdIssuer {
  private readonly taken = new Map<string, Set<number>>();

  constructor(
    private readonly regionCode: string,
    private readonly random: Random,
  ) {}

  issue(birthDate: string, gender: 'MALE' | 'FEMALE'): string {
    const yyyymmdd = birthDate.replaceAll('-', '');
    let used = this.taken.get(yyyymmdd);
    if (!used) this.taken.set(yyyymmdd, (used = new Set()));
    if (used.size >= 998) throw new RangeError(`no sequence left for ${birthDate}`);
    const parity = gender === 'MALE' ? 1 : 0;
    let sequence: number;
    do sequence = this.random.int(0, 499) * 2 + parity;
    while (sequence === 0 || used.has(sequence));
    used.add(sequence);
    const first17 = `${this.regionCode}${yyyymmdd}${String(sequence).padStart(3, '0')}`;
    return first17 + checkCharacter(first17);
  }
}

/** The 15-digit form issued before 1999: the century and the check character dropped. */
export function toFifteenDigitId(id: string): string {
  return id.slice(0, 6) + id.slice(8, 17);
}
