import { SaxesParser } from 'saxes';
import { JsxxFormatError } from './JsxxFormatError';
import type { XmlNode } from './xmlNodes';

/** What a streamed envelope turned out to carry. */
export type StreamedAnswer = { kind: 'operation'; elements: number } | { kind: 'other'; name: string };

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * A copy of `text` that holds no reference to the answer it was read from: V8 makes a part
 * of a long string a view of it, and one citizen ID kept in an index (typically a few
 * thousand are) then kept a district's whole decoded answer alive, 22 MB.
 */
const detached = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

/** An answer read part by part as its text arrives (`readSoapElements`). */
export interface SoapElementReader {
  /** Reads the next part of the answer's text. */
  write(text: string): void;
  /** Ends the answer: what it carried. */
  close(): StreamedAnswer;
  /** What the body carries, once its element has opened; null before. */
  readonly answer: StreamedAnswer | null;
}

/**
 * Reads `Envelope/Body/<response>/<element>` one element at a time, as the document tree of
 * `decodeJsxxXml` would give it (child texts by local name, trimmed; a child with children
 * of its own as an element), handing each to `onElement` and keeping none: an answer listing
 * every person of a district is read in the memory of one, and what is handed on are copies
 * (`detached`), not views of the answer. Other children of the response
 * are passed over, as a tree read would. If the body holds another element (a fault, the
 * answer to another operation), nothing is handed on and `close` names it for the caller
 * to read the message whole. Anything not well-formed is a `JsxxFormatError`.
 */
export function readSoapElements(response: string, element: string, onElement: (node: XmlNode, index: number) => void): SoapElementReader {
  const parser = new SaxesParser();
  const path: string[] = [];
  let answer: StreamedAnswer | null = null;
  let node: XmlNode | null = null;
  let text = '';
  let elements = 0;

  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    path.push(name);
    const depth = path.length;
    if (depth === 1 && name !== 'Envelope') throw new JsxxFormatError(`<${name}> where <Envelope> was expected`);
    if (depth === 2 && name !== 'Body') return;
    if (depth === 3 && path[1] === 'Body') {
      if (answer !== null) throw new JsxxFormatError('Envelope/Body: expected exactly one element');
      answer = name === response ? { kind: 'operation', elements: 0 } : { kind: 'other', name };
    }
    if (depth === 4 && answer?.kind === 'operation' && name === element) node = {};
    // A field with children of its own is an element, not text: reading it as text then fails, as in a tree.
    if (depth === 6 && node !== null) node[path[4]!] = {};
    text = '';
  });
  const addText = (value: string) => {
    if (node !== null && path.length === 5) text += value;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const depth = path.length;
    const name = path.pop()!;
    if (depth === 5 && node !== null) {
      // A field given twice is a list, not text, as in a tree: reading it as text fails.
      const before = node[name];
      const value = detached(text.trim());
      node[name] = before === undefined ? value : ([] as unknown[]).concat(before, value);
    }
    if (depth === 4 && node !== null) {
      onElement(node, elements++);
      node = null;
    }
  });
  parser.on('error', (error) => {
    throw new JsxxFormatError(`not well-formed XML: ${error.message}`);
  });

  return {
    write(part) {
      parser.write(part);
    },
    close() {
      parser.close();
      const read = answer as StreamedAnswer | null;
      if (read === null) throw new JsxxFormatError('Envelope/Body: expected exactly one element');
      return read.kind === 'operation' ? { kind: 'operation', elements } : read;
    },
    get answer() {
      return answer;
    },
  };
}
