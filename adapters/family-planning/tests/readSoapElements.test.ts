import { decodeJsxxXml } from '../src/jsxx/jsxxXml';
import { JsxxFormatError } from '../src/jsxx/JsxxFormatError';
import { readSoapMessage } from '../src/jsxx/soapMessage';
import { readSoapElements, type StreamedAnswer } from '../src/jsxx/readSoapElements';
import { nodesOf, textOf, type XmlNode } from '../src/jsxx/xmlNodes';

const envelope = (body: string) =>
  `<?xml version="1.0" encoding="GBK"?>\n<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header/><soap:Body>${body}</soap:Body></soap:Envelope>`;
const list = (entries: string) => envelope(`<ns2:ListPersonIdsResponse xmlns:ns2="http://jsxx.wjw.gov.cn/">${entries}</ns2:ListPersonIdsResponse>`);

/** The answer read in parts of `partLength` characters, as text arrives off a connection. */
function streamed(xml: string, partLength = xml.length): { nodes: XmlNode[]; answer: StreamedAnswer } {
  const nodes: XmlNode[] = [];
  const reader = readSoapElements('ListPersonIdsResponse', 'PersonId', (node, index) => {
    expect(index).toBe(nodes.length);
    nodes.push(node);
  });
  for (let at = 0; at < xml.length; at += partLength) reader.write(xml.slice(at, at + partLength));
  return { nodes, answer: reader.close() };
}

test.each([
  ['whole', undefined],
  ['in parts of 7 characters', 7],
  ['a character at a time', 1],
])(
  'hands each element on as the document tree reads it, the text given %s: prefixes dropped, texts trimmed, entities and CDATA read, an empty field empty',
  (_, partLength) => {
    const xml = list(`
    <PersonId><GRBH>JS0001</GRBH><SFZH> 310115198501010011 </SFZH><XM>张&amp;伟</XM></PersonId>
    <Note>passed over</Note>
    <ns2:PersonId><GRBH>JS0002</GRBH><SFZH/><XM><![CDATA[李<娜>]]></XM></ns2:PersonId>`);
    const { nodes, answer } = streamed(xml, partLength);

    const tree = readSoapMessage(decodeJsxxXml(Buffer.from(xml, 'utf8'), 'utf-8'));
    expect(tree.kind).toBe('operation');
    expect(nodes).toEqual(nodesOf((tree as { content: XmlNode }).content, 'PersonId', 'ListPersonIdsResponse'));
    expect(nodes).toEqual([
      { GRBH: 'JS0001', SFZH: '310115198501010011', XM: '张&伟' },
      { GRBH: 'JS0002', SFZH: '', XM: '李<娜>' },
    ]);
    expect(answer).toEqual({ kind: 'operation', elements: 2 });
  },
);

test('a field given twice, or with children of its own, is no text to read', () => {
  const { nodes } = streamed(list('<PersonId><SFZH>1</SFZH><SFZH>2</SFZH><XM><B>x</B></XM></PersonId>'));
  expect(() => textOf(nodes[0]!, 'SFZH', 'PersonId[0]')).toThrow(JsxxFormatError);
  expect(() => textOf(nodes[0]!, 'XM', 'PersonId[0]')).toThrow(JsxxFormatError);
});

test('tells what the body carries as soon as its element opens', () => {
  const xml = list('<PersonId><SFZH>310115198501010011</SFZH></PersonId>');
  const reader = readSoapElements('ListPersonIdsResponse', 'PersonId', () => undefined);
  const opened = xml.indexOf('<ns2:ListPersonIdsResponse');
  reader.write(xml.slice(0, opened));
  expect(reader.answer).toBeNull();
  reader.write(xml.slice(opened, xml.indexOf('<PersonId>')));
  expect(reader.answer).toEqual({ kind: 'operation', elements: 0 });
  reader.write(xml.slice(xml.indexOf('<PersonId>')));
  expect(reader.close()).toEqual({ kind: 'operation', elements: 1 });
});

test('a fault or the answer to another operation is named and nothing is handed on', () => {
  expect(streamed(envelope('<soap:Fault><faultcode>soap:Server</faultcode><faultstring>忙</faultstring></soap:Fault>'))).toEqual({
    nodes: [],
    answer: { kind: 'other', name: 'Fault' },
  });
  expect(streamed(envelope('<ns2:QueryPersonsResponse xmlns:ns2="x"><PersonId/></ns2:QueryPersonsResponse>')).answer).toEqual({
    kind: 'other',
    name: 'QueryPersonsResponse',
  });
});

test.each([
  ['truncated', list('<PersonId><SFZH>310115198501010011</SFZH>')],
  ['not XML', 'Service Unavailable'],
  ['another root', '<html><body>502</body></html>'],
  ['no body', envelope('').replace('<soap:Body></soap:Body>', '')],
  ['two answers in the body', envelope('<A/><B/>')],
  ['an undeclared entity', list('<PersonId><XM>&nbsp;</XM></PersonId>')],
])('%s is a format error, whole or a character at a time', (_, xml) => {
  expect(() => streamed(xml)).toThrow(JsxxFormatError);
  expect(() => streamed(xml, 1)).toThrow(JsxxFormatError);
});
