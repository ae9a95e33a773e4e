import { checkCharacter } from '@resident-graph/schemas';
import { ONE_GRID_REGION } from './sampleResident';

/** A valid 18-character ID: region (the test street's by default), birth date `YYYYMMDD`, sequence (odd = male). */
export function citizenId(birthDate: string, sequence: number, region = ONE_GRID_REGION): string {
  const first17 = `${region}${birthDate}${String(sequence).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** Digits in full width, as some Chinese input methods type them. */
export const fullWidthDigits = (text: string): string => text.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
