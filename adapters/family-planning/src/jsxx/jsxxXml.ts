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
  isArray: (name, jpath) => REPEATED.has(name) || String(jpath).endsWith('QueryPersons.SFZH'),
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

/** Decodes and parses XML bytes; anything that is not well-formed XML is a `JsxxFormatError`. */
export function decodeJsxxXml(bytes: Buffer, charset: string = JSXX_CHARSET): Record<string, unknown> {
  const xml = iconv.decode(bytes, charset);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new JsxxFormatError(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  return parser.parse(xml) as Record<string, unknown>;
}
