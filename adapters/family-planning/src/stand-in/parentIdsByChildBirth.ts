import { nodesOf, textOf } from '../jsxx/xmlNodes';
import type { StandInData } from './readStandInData';

/** The stored 身份证号 of the persons with a child born from `from` to `to` (`YYYYMMDD`, inclusive), each once. */
export function parentIdsByChildBirth(data: StandInData, from: string, to: string): string[] {
  const parents: string[] = [];
  for (const [storedId, persons] of data.byStoredId) {
    const hasChildBorn = persons.some((person) =>
      nodesOf(person, 'Child', 'Person').some((child) => {
        const born = textOf(child, 'CSRQ', 'Child');
        return born >= from && born <= to;
      }),
    );
    if (hasChildBorn) parents.push(storedId);
  }
  return parents;
}
