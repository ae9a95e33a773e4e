import { DepartmentError, exchangeHttp, streamHttp, type DepartmentErrorCode, type HttpExchange, type HttpExchangeRequest } from '@resident-graph/adapter-kit';
import { propagationHeaders } from '@resident-graph/service-kit';
import { charsetOf, createDeclaredDecoder, decodeJsxxXml, encodeJsxxXml } from './jsxx/jsxxXml';
import { JSXX_CONTENT_TYPE, JSXX_REFUSAL_FAULT, JSXX_SERVICE_PATH, soapActionOf, type JsxxOperation } from './jsxx/jsxxProtocol';
import { JsxxFormatError } from './jsxx/JsxxFormatError';
import { readSoapMessage, soapOperation, type SoapMessage } from './jsxx/soapMessage';
import { readSoapElements } from './jsxx/readSoapElements';
import type { XmlNode } from './jsxx/xmlNodes';

export interface JsxxClient {
  /**
   * One SOAP call. `read` turns the `…Response` element into the caller's shape inside
   * the call, so an answer that does not fit the documented format is a
   * `DEPARTMENT_BAD_RESPONSE` like XML that does not parse. With `refused`, a refusal by the
   * service's rules (a `Client.Refused` fault) is an answer, not a failure: `refused(reason)`.
   */
  call<T>(operation: JsxxOperation, content: object, read: (response: XmlNode) => T, signal: AbortSignal, refused?: (reason: string) => T): Promise<T>;
  /**
   * One SOAP call whose answer lists `element`s (every person of a district): each is read
   * with `read` and handed to `onEach` as the answer is parsed, no document tree of the whole
   * answer is built. Failures are those of `call`.
   */
  stream<T>(
    operation: JsxxOperation,
    content: object,
    element: string,
    read: (node: XmlNode, where: string) => T,
    onEach: (value: T) => void,
    signal: AbortSignal,
  ): Promise<void>;
  /** Fetches the WSDL: the cheapest proof the service answers. */
  fetchWsdl(signal: AbortSignal): Promise<void>;
}

const failure = (code: DepartmentErrorCode, message: string, cause?: unknown) => new DepartmentError(code, 'family-planning', message, { cause });

/** The SOAP 1.1 protocol of the family-planning service: GBK XML in, GBK XML out. */
export function createJsxxClient(baseUrl: string): JsxxClient {
  const endpoint = new URL(JSXX_SERVICE_PATH, baseUrl).toString();

  function readMessage(operation: JsxxOperation, response: HttpExchange): SoapMessage {
    try {
      return readSoapMessage(decodeJsxxXml(response.body, charsetOf(response.header('content-type'))));
    } catch (error) {
      if (!(error instanceof JsxxFormatError)) throw error;
      // A gateway's error page in front of the service is an outage, not a format problem.
      if (!response.ok) throw failure('DEPARTMENT_UNAVAILABLE', `${operation}: HTTP ${response.status}`, error);
      throw failure('DEPARTMENT_BAD_RESPONSE', `${operation}: ${error.message}`, error);
    }
  }

  const request = (operation: JsxxOperation, content: object, signal: AbortSignal): HttpExchangeRequest => ({
    method: 'POST',
    headers: { 'content-type': JSXX_CONTENT_TYPE, soapaction: `"${soapActionOf(operation)}"`, ...propagationHeaders() },
    body: encodeJsxxXml(soapOperation(operation, content)),
    signal,
  });

  /** The answer's operation element, or the failure it is: a fault, an error page, the answer to another operation. */
  function operationOf<T>(operation: JsxxOperation, response: HttpExchange, refused?: (reason: string) => T): { refusal: T } | { content: XmlNode } {
    const message = readMessage(operation, response);
    if (message.kind === 'fault' && message.code === JSXX_REFUSAL_FAULT && refused) return { refusal: refused(message.message) };
    if (message.kind === 'fault') {
      // A Client fault says the service will refuse the same request again; a Server fault may pass.
      const code = message.code === 'Client' ? 'DEPARTMENT_BAD_RESPONSE' : 'DEPARTMENT_UNAVAILABLE';
      throw failure(code, `${operation}: SOAP fault ${message.code}: ${message.message}`);
    }
    if (!response.ok) throw failure('DEPARTMENT_UNAVAILABLE', `${operation}: HTTP ${response.status}`);
    if (message.name !== `${operation}Response`) {
      throw failure('DEPARTMENT_BAD_RESPONSE', `${operation}: answered <${message.name}> instead of <${operation}Response>`);
    }
    return { content: message.content };
  }

  /** Runs `read` on the answer; an answer that does not fit the documented format is the service's bad response. */
  async function readAnswer<T>(operation: JsxxOperation, read: () => T | Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      if (error instanceof JsxxFormatError) throw failure('DEPARTMENT_BAD_RESPONSE', `${operation}: ${error.message}`, error);
      throw error;
    }
  }

  return {
    async call(operation, content, read, signal, refused) {
      const answer = operationOf(operation, await exchangeHttp(endpoint, request(operation, content, signal)), refused);
      return 'refusal' in answer ? answer.refusal : readAnswer(operation, () => read(answer.content));
    },

    stream(operation, content, element, read, onEach, signal) {
      return streamHttp(endpoint, request(operation, content, signal), async (head, body) => {
        const whole = async () => {
          const chunks: Buffer[] = [];
          for await (const chunk of body) chunks.push(chunk);
          return Buffer.concat(chunks);
        };
        // Faults and error pages are small: read whole, as any answer, for the failure they are.
        if (!head.ok) return void operationOf(operation, { ...head, body: await whole() });
        const decoder = createDeclaredDecoder(charsetOf(head.header('content-type')));
        const elements = readSoapElements(`${operation}Response`, element, (node, index) => onEach(read(node, `${element}[${index}]`)));
        // Kept until the body's element shows what the answer is: another element is read whole, as `call` reads it.
        const kept: Buffer[] = [];
        const streamed = await readAnswer(operation, async () => {
          for await (const chunk of body) {
            if (elements.answer?.kind !== 'operation') kept.push(chunk);
            elements.write(decoder.write(chunk));
            if (elements.answer?.kind === 'operation') kept.length = 0;
          }
          elements.write(decoder.end());
          return elements.close();
        });
        if (streamed.kind === 'other') operationOf(operation, { ...head, body: Buffer.concat(kept) });
      });
    },

    async fetchWsdl(signal) {
      const response = await exchangeHttp(`${endpoint}?wsdl`, { method: 'GET', headers: propagationHeaders(), signal });
      if (!response.ok) throw failure('DEPARTMENT_UNAVAILABLE', `WSDL: HTTP ${response.status}`);
    },
  };
}
