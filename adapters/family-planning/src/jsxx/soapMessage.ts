import { JSXX_NAMESPACE, JSXX_REFUSAL_FAULT, SOAP_ENVELOPE_NAMESPACE } from './jsxxProtocol';
import { JsxxFormatError } from './JsxxFormatError';
import { asNode, textOf, type XmlNode } from './xmlNodes';

/** SOAP 1.1 fault codes: `Client` — the request was wrong; `Server` — the service failed; `Client.Refused` — refused by the service's rules. */
export type SoapFaultCode = 'Client' | 'Server' | typeof JSXX_REFUSAL_FAULT;

export type SoapMessage = { kind: 'fault'; code: string; message: string } | { kind: 'operation'; name: string; content: XmlNode };

export function soapEnvelope(body: object): object {
  return { 'soap:Envelope': { '@_xmlns:soap': SOAP_ENVELOPE_NAMESPACE, 'soap:Body': body } };
}

/** An operation (or its `…Response`) in the service's namespace. */
export function soapOperation(name: string, content: object): object {
  return soapEnvelope({ [`jsxx:${name}`]: { '@_xmlns:jsxx': JSXX_NAMESPACE, ...content } });
}

export function soapFault(code: SoapFaultCode, message: string): object {
  return soapEnvelope({ 'soap:Fault': { faultcode: `soap:${code}`, faultstring: message } });
}

/** What a parsed envelope carries: a fault (code without its prefix) or one operation element. */
export function readSoapMessage(document: XmlNode): SoapMessage {
  const envelope = asNode(document.Envelope ?? null, 'Envelope');
  const body = asNode(envelope.Body ?? null, 'Envelope/Body');
  const [name, ...others] = Object.keys(body);
  if (name === undefined || others.length > 0) throw new JsxxFormatError('Envelope/Body: expected exactly one element');
  const content = asNode(body[name], `Envelope/Body/${name}`);
  if (name === 'Fault') {
    return {
      kind: 'fault',
      code: textOf(content, 'faultcode', 'Fault').replace(/^.*:/, ''),
      message: textOf(content, 'faultstring', 'Fault'),
    };
  }
  return { kind: 'operation', name, content };
}
