import { DepartmentError, exchangeHttp, type DepartmentErrorCode, type HttpExchange } from '@resident-graph/adapter-kit';
import { propagationHeaders } from '@resident-graph/service-kit';
import { charsetOf, decodeJsxxXml, encodeJsxxXml } from './jsxx/jsxxXml';
import { JSXX_CONTENT_TYPE, JSXX_REFUSAL_FAULT, JSXX_SERVICE_PATH, soapActionOf, type JsxxOperation } from './jsxx/jsxxProtocol';
import { JsxxFormatError } from './jsxx/JsxxFormatError';
import { readSoapMessage, soapOperation, type SoapMessage } from './jsxx/soapMessage';
import type { XmlNode } from './jsxx/xmlNodes';

export interface JsxxClient {
  /**
   * One SOAP call. `read` turns the `…Response` element into the caller's shape inside
   * the call, so an answer that does not fit the documented format is a
   * `DEPARTMENT_BAD_RESPONSE` like XML that does not parse. With `refused`, a refusal by the
   * service's rules (a `Client.Refused` fault) is an answer, not a failure: `refused(reason)`.
   */
  call<T>(operation: JsxxOperation, content: object, read: (response: XmlNode) => T, signal: AbortSignal, refused?: (reason: string) => T): Promise<T>;
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

  return {
    async call(operation, content, read, signal, refused) {
      const response = await exchangeHttp(endpoint, {
        method: 'POST',
        headers: { 'content-type': JSXX_CONTENT_TYPE, soapaction: `"${soapActionOf(operation)}"`, ...propagationHeaders() },
        body: encodeJsxxXml(soapOperation(operation, content)),
        signal,
      });
      const message = readMessage(operation, response);
      if (message.kind === 'fault' && message.code === JSXX_REFUSAL_FAULT && refused) return refused(message.message);
      if (message.kind === 'fault') {
        // A Client fault says the service will refuse the same request again; a Server fault may pass.
        const code = message.code === 'Client' ? 'DEPARTMENT_BAD_RESPONSE' : 'DEPARTMENT_UNAVAILABLE';
        throw failure(code, `${operation}: SOAP fault ${message.code}: ${message.message}`);
      }
      if (!response.ok) throw failure('DEPARTMENT_UNAVAILABLE', `${operation}: HTTP ${response.status}`);
      if (message.name !== `${operation}Response`) {
        throw failure('DEPARTMENT_BAD_RESPONSE', `${operation}: answered <${message.name}> instead of <${operation}Response>`);
      }
      try {
        return read(message.content);
      } catch (error) {
        if (error instanceof JsxxFormatError) throw failure('DEPARTMENT_BAD_RESPONSE', `${operation}: ${error.message}`, error);
        throw error;
      }
    },

    async fetchWsdl(signal) {
      const response = await exchangeHttp(`${endpoint}?wsdl`, { method: 'GET', headers: propagationHeaders(), signal });
      if (!response.ok) throw failure('DEPARTMENT_UNAVAILABLE', `WSDL: HTTP ${response.status}`);
    },
  };
}
