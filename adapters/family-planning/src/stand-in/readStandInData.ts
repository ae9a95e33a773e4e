import { readFile } from 'node:fs/promises';
import type { JsxxPersonId } from '../jsxx/JsxxPerson';
import { decodeJsxxXml } from '../jsxx/jsxxXml';
import { readJsxxPersonId } from '../jsxx/readJsxxPersonId';
import { asNode, nodesOf, type XmlNode } from '../jsxx/xmlNodes';
import { standInDataFile } from './standInDataFile';

export interface StandInData {
  /** Records by their key exactly as stored: the service matches keys verbatim. */
  byStoredId: Map<string, XmlNode[]>;
  ids: JsxxPersonId[];
}

export async function readStandInData(dataDir: string): Promise<StandInData> {
  const document = decodeJsxxXml(await readFile(standInDataFile(dataDir)));
  const persons = nodesOf(asNode(document.JSXX, 'JSXX'), 'Person', 'JSXX');
  const byStoredId = new Map<string, XmlNode[]>();
  const ids = persons.map((person, i) => {
    const id = readJsxxPersonId(person, `JSXX/Person[${i}]`);
    byStoredId.set(id.SFZH, [...(byStoredId.get(id.SFZH) ?? []), person]);
    return id;
  });
  return { byStoredId, ids };
}
