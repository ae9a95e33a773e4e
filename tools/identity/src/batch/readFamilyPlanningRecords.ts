import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import type { DepartmentRecordIdentity } from '../types';

// Values stay strings: citizen IDs are not numbers (leading zeros, the check character X).
const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  ignoreDeclaration: true,
  isArray: (name) => name === 'Person',
});

interface PersonElement {
  GRBH?: unknown;
  SFZH?: unknown;
  XM?: unknown;
}

/**
 * The family-planning service's people (`family-planning/jsxx-persons.xml`, GBK, as the
 * stand-in loads it): each `<Person>`'s 身份证号, 姓名 and 个人编号. A person's children are
 * records of the parent, not people of the export, and are not read.
 */
export async function readFamilyPlanningRecords(dataDir: string): Promise<DepartmentRecordIdentity[]> {
  const file = path.join(dataDir, 'family-planning', 'jsxx-persons.xml');
  const document = parser.parse(iconv.decode(await readFile(file), 'GBK')) as { JSXX?: { Person?: PersonElement[] } };
  return (document.JSXX?.Person ?? []).map((person, index) => {
    if (typeof person.SFZH !== 'string' || typeof person.GRBH !== 'string') throw new Error(`${file}: Person[${index}] has no SFZH or GRBH`);
    return {
      department: 'family-planning',
      recordReference: person.GRBH,
      storedId: person.SFZH,
      nameOnRecord: typeof person.XM === 'string' ? person.XM : null,
    };
  });
}
