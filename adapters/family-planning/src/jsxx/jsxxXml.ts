import { isUtf8 } from 'node:buffer';
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

/**
 * How much `text` reads like the names and addresses the service holds, a character at a
 * time (ASCII aside): one of GB 2312's 3,755 common characters scores 2, the rest of GB 2312
 * 1, any other GBK character (traditional forms, rare characters) ½, a character GBK cannot
 * hold 0.
 */
function gbkLikeness(text: string): number {
  let score = 0;
  let characters = 0;
  for (const character of text) {
    if (character.charCodeAt(0) < 0x80) continue;
    characters++;
    const bytes = iconv.encode(character, JSXX_CHARSET);
    if (bytes.length !== 2 || iconv.decode(bytes, JSXX_CHARSET) !== character) continue;
    const [lead, trail] = [bytes[0]!, bytes[1]!];
    const inGb2312 = lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1;
    score += inGb2312 ? (lead >= 0xb0 && lead <= 0xd7 ? 2 : 1) : 0.5;
  }
  return characters === 0 ? 0 : score / characters;
}

/**
 * Bytes declared in another charset that are Chinese text in UTF-8: valid UTF-8 with a
 * character of three bytes or more, as every Chinese character is, that reads more like
 * Chinese text in UTF-8 than as it was declared (`declaredReading`). GBK text can be valid UTF-8 by chance — 姚雪 is
 * D2 A6 D1 A9, two Cyrillic letters; 陳穎 is EA 90 B7 66, a Yi syllable and "f" — but read so
 * it is no Chinese, while UTF-8 read as GBK is mojibake of rarer characters.
 */
function isChineseUtf8(bytes: Buffer, declaredReading: string): boolean {
  if (!isUtf8(bytes)) return false;
  const utf8Reading = bytes.toString('utf8');
  return /[\u0800-\u{10ffff}]/u.test(utf8Reading) && gbkLikeness(utf8Reading) > gbkLikeness(declaredReading);
}

/**
 * Decodes XML bytes in the charset they are declared in, refusing bytes that are not in it:
 * a byte sequence the charset has no character for (decoded as U+FFFD), or, declared in a
 * charset other than UTF-8, bytes that are Chinese text in UTF-8 (UTF-8 read as GBK is
 * mojibake that may decode without a single invalid byte).
 */
export function decodeDeclared(bytes: Buffer, charset: string): string {
  const xml = iconv.decode(bytes, charset);
  const invalid = xml.indexOf('\uFFFD');
  if (invalid >= 0) throw new JsxxFormatError(`not ${charset}: bytes in ${elementAt(xml, invalid)} that are no ${charset} character`);
  const utf8Declared = /^utf-?8$/i.test(charset);
  if (!utf8Declared && bytes.some((byte) => byte >= 0x80) && isChineseUtf8(bytes, xml)) {
    const first = bytes.findIndex((byte) => byte >= 0x80);
    throw new JsxxFormatError(`declared ${charset} but the bytes are UTF-8 (from ${elementAt(bytes.subarray(0, first).toString('latin1'), first)})`);
  }
  return xml;
}

/** Decodes and parses XML bytes; anything that is not well-formed XML in its declared charset is a `JsxxFormatError`. */
export function decodeJsxxXml(bytes: Buffer, charset: string = JSXX_CHARSET): Record<string, unknown> {
  const xml = decodeDeclared(bytes, charset);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new JsxxFormatError(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  return parser.parse(xml) as Record<string, unknown>;
}
