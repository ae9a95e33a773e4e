import type { IncomingMessage, ServerResponse } from 'node:http';
import iconv from 'iconv-lite';
import { startStandInServer, type StandInServer } from '@resident-graph/adapter-kit';
import type { JsxxEvent } from '../jsxx/jsxxEvent';
import {
  JSXX_CHARSET,
  JSXX_CONTENT_TYPE,
  JSXX_OPERATIONS,
  JSXX_REFUSAL_FAULT,
  JSXX_SERVICE_PATH,
  SOAP_ENVELOPE_NAMESPACE,
  soapActionOf,
} from '../jsxx/jsxxProtocol';
import { charsetOf, decodeJsxxXml, encodeJsxxXml } from '../jsxx/jsxxXml';
import { JsxxFormatError } from '../jsxx/JsxxFormatError';
import { readSoapMessage, soapFault, soapOperation, type SoapMessage } from '../jsxx/soapMessage';
import { fromJsxxDate, toJsxxDate } from '../jsxx/jsxxDate';
import { textOf, textsOf, type XmlNode } from '../jsxx/xmlNodes';
import { defaultStateDir } from './eventJournal';
import { JsxxEventRegistry } from './JsxxEventRegistry';
import { parentIdsByChildBirth } from './parentIdsByChildBirth';
import { jsxxWsdl } from './jsxxWsdl';
import { readStandInData, type StandInData } from './readStandInData';

export interface StandInOptions {
  /** The folder `writeStandInData` wrote into (it reads `<dataDir>/family-planning/`). */
  dataDir: string;
  port: number;
  host?: string;
  /** 行政区划代码 of the office, in the birth registrations' numbers. @default '310115' */
  regionCode?: string;
  /**
   * Where the service keeps the events it registered (a journal replayed on start), like a
   * database's files: one per running system, so runs over the same data each start clean.
   * @default `<dataDir>/family-planning`
   */
  stateDir?: string;
}

function optionalText(content: XmlNode, name: string): string | undefined {
  return content[name] === undefined ? undefined : textOf(content, name, 'ReportEvent');
}

function readJsxxEvent(content: XmlNode): JsxxEvent {
  const text = (name: string) => textOf(content, name, 'ReportEvent');
  return {
    YWBH: text('YWBH'),
    SJLX: text('SJLX'),
    FSRQ: text('FSRQ'),
    SFZH: text('SFZH'),
    POSFZH: optionalText(content, 'POSFZH'),
    DZ: optionalText(content, 'DZ'),
    ZNXM: optionalText(content, 'ZNXM'),
    ZNXB: optionalText(content, 'ZNXB'),
  };
}

/** `ReportEvent`: the receipt, or the refusal as a SOAP fault (`Client.Refused`) saying why. */
async function reportEvent(content: XmlNode, events: JsxxEventRegistry): Promise<{ status: number; answer: object }> {
  const event = readJsxxEvent(content);
  const outcome = await events.report(event);
  if (!outcome.accepted) return { status: 500, answer: soapFault(JSXX_REFUSAL_FAULT, outcome.reason) };
  return { status: 200, answer: soapOperation('ReportEventResponse', { YWBH: event.YWBH, CLJG: '1', BLBH: outcome.BLBH }) };
}

/** Calls are counted per SOAP operation (from `SOAPAction`), the WSDL as `wsdl`. */
function routeOf(request: IncomingMessage): string | null {
  const url = new URL(request.url ?? '/', 'http://stand-in');
  if (url.pathname !== JSXX_SERVICE_PATH) return null;
  if (request.method === 'GET') return url.search.toLowerCase() === '?wsdl' ? 'wsdl' : null;
  if (request.method !== 'POST') return null;
  const action = String(request.headers.soapaction ?? '').replaceAll('"', '');
  return JSXX_OPERATIONS.find((operation) => soapActionOf(operation) === action) ?? 'JsxxService';
}

/** Dispatches on the body's element, as the service does, whatever `SOAPAction` said. */
async function answer(message: SoapMessage, data: StandInData, events: JsxxEventRegistry): Promise<{ status: number; answer: object }> {
  if (message.kind === 'fault') throw new JsxxFormatError('a request cannot be a fault');
  if (message.name === 'ReportEvent') return reportEvent(message.content, events);
  return { status: 200, answer: query(message.name, message.content, data) };
}

function query(name: string, content: XmlNode, data: StandInData): object {
  switch (name) {
    case 'QueryPersons': {
      const asked = new Set(textsOf(content, 'SFZH', 'QueryPersons'));
      return soapOperation('QueryPersonsResponse', { Person: [...asked].flatMap((id) => data.byStoredId.get(id) ?? []) });
    }
    case 'ListPersonIds':
      return soapOperation('ListPersonIdsResponse', { PersonId: data.ids });
    case 'ListParentIdsByChildBirth': {
      const from = toJsxxDate(fromJsxxDate(textOf(content, 'CSRQQ', 'ListParentIdsByChildBirth'), 'ListParentIdsByChildBirth/CSRQQ'));
      const to = toJsxxDate(fromJsxxDate(textOf(content, 'CSRQZ', 'ListParentIdsByChildBirth'), 'ListParentIdsByChildBirth/CSRQZ'));
      return soapOperation('ListParentIdsByChildBirthResponse', { SFZH: parentIdsByChildBirth(data, from, to) });
    }
    default:
      throw new JsxxFormatError(`unknown operation <${name}>`);
  }
}

function send(response: ServerResponse, status: number, body: Buffer): void {
  response.writeHead(status, { 'content-type': JSXX_CONTENT_TYPE, 'content-length': body.length }).end(body);
}

/**
 * The family-planning SOAP service: `POST /services/JsxxService` (`QueryPersons`,
 * `ListPersonIds`, `ListParentIdsByChildBirth`, `ReportEvent`), `GET /services/JsxxService?wsdl`. Keys match exactly as stored; a
 * request it cannot read answers a SOAP `Client` fault with HTTP 500, as SOAP 1.1 says, and an
 * event it refuses by its rules a `Client.Refused` fault. Reported events are journalled
 * (`stateDir`) and replayed over the data file on start.
 */
export async function startStandIn(options: StandInOptions): Promise<StandInServer> {
  const data = await readStandInData(options.dataDir);
  const events = await JsxxEventRegistry.open(data, options.stateDir ?? defaultStateDir(options.dataDir), options.regionCode ?? '310115');
  const server = await startStandInServer({
    department: 'family-planning',
    port: options.port,
    host: options.host,
    route: routeOf,
    async handle(request, body, response) {
      if (request.method === 'GET') {
        return send(response, 200, iconv.encode(jsxxWsdl(`http://${request.headers.host}${JSXX_SERVICE_PATH}`), JSXX_CHARSET));
      }
      try {
        const message = readSoapMessage(decodeJsxxXml(body, charsetOf(request.headers['content-type'])));
        const { status, answer: sent } = await answer(message, data, events);
        send(response, status, encodeJsxxXml(sent));
      } catch (error) {
        const code = error instanceof JsxxFormatError ? 'Client' : 'Server';
        send(response, 500, encodeJsxxXml(soapFault(code, error instanceof Error ? error.message : String(error))));
      }
    },
    malformedBody: {
      contentType: JSXX_CONTENT_TYPE,
      body: `<?xml version="1.0" encoding="${JSXX_CHARSET}"?><soap:Envelope xmlns:soap="${SOAP_ENVELOPE_NAMESPACE}"><soap:Body><jsxx:QueryPersonsRes`,
    },
    spoiledAnswer: {
      // The envelope still declares GBK, in its Content-Type and its XML declaration, but the bytes are UTF-8.
      'wrong-encoding': (answer) => Buffer.from(iconv.decode(answer, JSXX_CHARSET), 'utf8'),
      // 育龄妇女标志 is 0 or 1, and GB/T 2261.1 has no sex 7.
      'unknown-codes': (answer) =>
        iconv.encode(
          iconv
            .decode(answer, JSXX_CHARSET)
            .replaceAll(/(<(?:\w+:)?YLFNBZ>)[^<]*/g, '$17')
            .replaceAll(/(<(?:\w+:)?XB>)[^<]*/g, '$17'),
          JSXX_CHARSET,
        ),
    },
  });
  return {
    ...server,
    async close() {
      await server.close();
      await events.close();
    },
  };
}
