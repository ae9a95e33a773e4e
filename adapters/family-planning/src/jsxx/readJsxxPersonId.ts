import type { JsxxPersonId } from './JsxxPerson';
import { textOf, type XmlNode } from './xmlNodes';

/** The keys of a `<Person>` or `<PersonId>` element. */
export function readJsxxPersonId(node: XmlNode, where: string): JsxxPersonId {
  return { GRBH: textOf(node, 'GRBH', where), SFZH: textOf(node, 'SFZH', where), XM: textOf(node, 'XM', where) };
}
