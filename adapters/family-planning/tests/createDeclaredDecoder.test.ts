import iconv from 'iconv-lite';
import { createDeclaredDecoder, decodeDeclared } from '../src/jsxx/jsxxXml';
import { JsxxFormatError } from '../src/jsxx/JsxxFormatError';

const xml =
  '<?xml version="1.0" encoding="GBK"?><Envelope><Body><R><P><SFZH>３１０１１５１９８５０１０１００１１</SFZH><XM>孙燕</XM></P><P><XM>姚雪</XM></P></R></Body></Envelope>';

/** `bytes` decoded in two parts, split at `at`. */
function inTwoParts(bytes: Buffer, at: number, charset: string): string {
  const decoder = createDeclaredDecoder(charset);
  return decoder.write(bytes.subarray(0, at)) + decoder.write(bytes.subarray(at)) + decoder.end();
}

const everySplit = (bytes: Buffer) => Array.from({ length: bytes.length + 1 }, (_, at) => at);

test('decodes GBK split anywhere, a character between two parts included, as the whole', () => {
  const bytes = iconv.encode(xml, 'gbk');
  expect(decodeDeclared(bytes, 'GBK')).toBe(xml);
  for (const at of everySplit(bytes)) expect(inTwoParts(bytes, at, 'GBK')).toBe(xml);
});

test('reads GBK that happens to be valid UTF-8 (姚雪 is D2 A6 D1 A9) as GBK, in parts as whole', () => {
  const bytes = iconv.encode('<XM>姚雪</XM>', 'gbk');
  for (const at of everySplit(bytes)) expect(inTwoParts(bytes, at, 'GBK')).toBe('<XM>姚雪</XM>');
});

test('refuses UTF-8 labelled GBK at its end, naming where its first such byte is, however it was split', () => {
  const bytes = Buffer.from(xml, 'utf8');
  for (const at of everySplit(bytes)) {
    expect(() => inTwoParts(bytes, at, 'GBK')).toThrow(new JsxxFormatError('declared GBK but the bytes are UTF-8 (from <SFZH>)'));
  }
});

test('names the element of a byte GBK has no character for when the part it came in opens none', () => {
  const bytes = Buffer.concat([iconv.encode('<Envelope><XM>王', 'gbk'), Buffer.from([0xff, 0x30]), iconv.encode('</XM></Envelope>', 'gbk')]);
  const decoder = createDeclaredDecoder('GBK');
  decoder.write(bytes.subarray(0, 16));
  expect(() => decoder.write(bytes.subarray(16))).toThrow(new JsxxFormatError('not GBK: bytes in <XM> that are no GBK character'));
});

test('refuses a GBK character cut off by the end of the answer', () => {
  const bytes = iconv.encode('<XM>王</XM>', 'gbk').subarray(0, 5);
  expect(() => decodeDeclared(bytes, 'GBK')).toThrow(/not GBK: bytes in <XM>/);
});
