import { JsxxFormatError } from './JsxxFormatError';

/** An element as fast-xml-parser gives it: child elements by name, text as strings. */
export type XmlNode = Record<string, unknown>;

/** An element with children; one with no content parses as `''` and reads as empty. */
export function asNode(value: unknown, where: string): XmlNode {
  if (value === '') return {};
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as XmlNode;
  throw new JsxxFormatError(`${where}: expected an element`);
}

export function textOf(node: XmlNode, name: string, where: string): string {
  const value = node[name];
  if (typeof value !== 'string') throw new JsxxFormatError(`${where}: <${name}> missing or not text`);
  return value;
}

export function optionalNodeOf(node: XmlNode, name: string, where: string): XmlNode | null {
  return node[name] === undefined ? null : asNode(node[name], `${where}/${name}`);
}

function listOf(node: XmlNode, name: string, where: string): unknown[] {
  const value = node[name];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new JsxxFormatError(`${where}: <${name}> expected to repeat`);
  return value;
}

/** The repeated child elements `name` (none when absent). */
export function nodesOf(node: XmlNode, name: string, where: string): XmlNode[] {
  return listOf(node, name, where).map((item, i) => asNode(item, `${where}/${name}[${i}]`));
}

/** The texts of the repeated child elements `name` (none when absent). */
export function textsOf(node: XmlNode, name: string, where: string): string[] {
  return listOf(node, name, where).map((item, i) => {
    if (typeof item !== 'string') throw new JsxxFormatError(`${where}/${name}[${i}]: expected text`);
    return item;
  });
}
