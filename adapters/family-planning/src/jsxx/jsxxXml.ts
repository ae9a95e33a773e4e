import { TextDecoder } from 'node:util';
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import { JSXX_CHARSET } from './jsxxProtocol';
import { JsxxFormatError } from './JsxxFormatError';

/** Elements that repeat; parsed as arrays even when only one is present. */
const REPEATED = new Set(['Person', 'PersonId', 'Child', 'SYDJ']);

// Tag values stay strings: citizen IDs and record numbers are not numbers (leading zeros,
// check character X). Namespace prefixes vary between SOAP toolkits, so they are dropped.
const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  ignoreDeclaration: true,
  isArray: (name, jpath) => REPEATED.has(name) || /(QueryPersons|ListParentIdsByChildBirthResponse)\.SFZH$/.test(String(jpath)),
});
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true });
const prettyBuilder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true, format: true });

/** The charset a `Content-Type` declares, or the system's own GBK when it declares none iconv knows. */
export function charsetOf(contentType: string | null | undefined): string {
  const declared = /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '')?.[1];
  return declared && iconv.encodingExists(declared) ? declared : JSXX_CHARSET;
}

/** Serialises `document` (fast-xml-parser's object form, attributes as `@_name`) to GBK bytes. */
export function encodeJsxxXml(document: object, options: { pretty?: boolean } = {}): Buffer {
  const xml = `<?xml version="1.0" encoding="${JSXX_CHARSET}"?>\n${(options.pretty ? prettyBuilder : builder).build(document)}`;
  return iconv.encode(xml, JSXX_CHARSET);
}

/** The element `xml` is in at `index`, for saying where a fault is. */
function elementAt(xml: string, index: number): string {
  const opened = [...xml.slice(0, index).matchAll(/<(?:[\w-]+:)?([\w-]+)[^>/]*>/g)].at(-1);
  return opened ? `<${opened[1]}>` : 'the prolog';
}

/** How much a text reads like the names and addresses the service holds (`addLikeness`), summed as it is read. */
interface Likeness {
  score: number;
  characters: number;
}

/**
 * Adds `text` to `tally` a character at a time (ASCII aside): one of GB 2312's 3,755 common
 * characters scores 2, the rest of GB 2312 1, any other GBK character (traditional forms,
 * rare characters) ½, a character GBK cannot hold 0.
 */
function addLikeness(tally: Likeness, text: string): void {
  for (const character of text) {
    if (character.charCodeAt(0) < 0x80) continue;
    tally.characters++;
    const bytes = iconv.encode(character, JSXX_CHARSET);
    if (bytes.length !== 2 || iconv.decode(bytes, JSXX_CHARSET) !== character) continue;
    const [lead, trail] = [bytes[0]!, bytes[1]!];
    const inGb2312 = lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1;
    tally.score += inGb2312 ? (lead >= 0xb0 && lead <= 0xd7 ? 2 : 1) : 0.5;
  }
}

const likenessOf = (tally: Likeness) => (tally.characters === 0 ? 0 : tally.score / tally.characters);

/** Text decoded from bytes as they arrive; `end` after the last. Either throws a `JsxxFormatError` for bytes not in the charset. */
export interface DeclaredDecoder {
  write(bytes: Buffer): string;
  end(): string;
}

/** How much of the text before a fault is kept for saying which element it is in. */
const CONTEXT_CHARACTERS = 4096;

/**
 * Decodes XML bytes in the charset they are declared in, part by part as they arrive,
 * refusing bytes that are not in it: a byte sequence the charset has no character for
 * (decoded as U+FFFD), or, declared in a charset other than UTF-8, bytes that are Chinese
 * text in UTF-8 — UTF-8 read as GBK is mojibake that may decode without a single invalid
 * byte. Those are valid UTF-8 with a character of three bytes or more, as every Chinese
 * character is, that read more like Chinese text in UTF-8 than as declared (`addLikeness`);
 * known only at the end. GBK text can be valid UTF-8 by chance — 姚雪 is D2 A6 D1 A9, two
 * Cyrillic letters; 陳穎 is EA 90 B7 66, a Yi syllable and "f" — but read so it is no
 * Chinese, while UTF-8 read as GBK is mojibake of rarer characters.
 */
export function createDeclaredDecoder(charset: string): DeclaredDecoder {
  const decoder = iconv.getDecoder(charset);
  // Declared UTF-8, or shown not to be UTF-8: nothing more to learn of the bytes.
  let utf8: TextDecoder | null = /^utf-?8$/i.test(charset) ? null : new TextDecoder('utf-8', { fatal: true });
  let beyondThreeBytes = false;
  let firstHighByte: string | null = null;
  const asUtf8: Likeness = { score: 0, characters: 0 };
  const asDeclared: Likeness = { score: 0, characters: 0 };
  let context = '';

  const refuseInvalid = (text: string) => {
    const invalid = text.indexOf('\uFFFD');
    if (invalid >= 0)
      throw new JsxxFormatError(`not ${charset}: bytes in ${elementAt(context + text, context.length + invalid)} that are no ${charset} character`);
  };
  const readAsUtf8 = (bytes: Buffer | undefined, text: string) => {
    if (!utf8) return;
    try {
      const reading = bytes === undefined ? utf8.decode() : utf8.decode(bytes, { stream: true });
      beyondThreeBytes ||= /[\u0800-\u{10ffff}]/u.test(reading);
      addLikeness(asUtf8, reading);
      addLikeness(asDeclared, text);
    } catch {
      utf8 = null;
    }
  };
  const read = (bytes: Buffer | undefined, text: string) => {
    refuseInvalid(text);
    if (firstHighByte === null && bytes !== undefined) {
      // Every byte before this one was ASCII, so the text read so far is those bytes.
      const first = bytes.findIndex((byte) => byte >= 0x80);
      if (first >= 0) firstHighByte = elementAt(context + bytes.subarray(0, first).toString('latin1'), context.length + first);
    }
    readAsUtf8(bytes, text);
    context = (context + text).slice(-CONTEXT_CHARACTERS);
    return text;
  };
  return {
    write: (bytes) => read(bytes, decoder.write(bytes)),
    end() {
      const text = read(undefined, decoder.end() ?? '');
      if (utf8 && firstHighByte !== null && beyondThreeBytes && likenessOf(asUtf8) > likenessOf(asDeclared)) {
        throw new JsxxFormatError(`declared ${charset} but the bytes are UTF-8 (from ${firstHighByte})`);
      }
      return text;
    },
  };
}

/** Decodes whole XML bytes in the charset they are declared in, refusing bytes that are not in it (`createDeclaredDecoder`). */
export function decodeDeclared(bytes: Buffer, charset: string): string {
  const decoder = createDeclaredDecoder(charset);
  return decoder.write(bytes) + decoder.end();
}

/** Decodes and parses XML bytes; anything that is not well-formed XML in its declared charset is a `JsxxFormatError`. */
export function decodeJsxxXml(bytes: Buffer, charset: string = JSXX_CHARSET): Record<string, unknown> {
  const xml = decodeDeclared(bytes, charset);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new JsxxFormatError(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  return parser.parse(xml) as Record<string, unknown>;
}
