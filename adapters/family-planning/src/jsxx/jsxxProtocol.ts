/**
 * The family-planning information service (计生信息服务, "JSXX"): an old SOAP 1.1 web
 * service that speaks GBK-encoded XML. Field names are the system's own pinyin initials.
 */
export const JSXX_SERVICE_PATH = '/services/JsxxService';
export const JSXX_NAMESPACE = 'http://jsxx.wjw.gov.cn/';
export const SOAP_ENVELOPE_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';
/** The system's own encoding for requests, answers and its data files. */
export const JSXX_CHARSET = 'GBK';
export const JSXX_CONTENT_TYPE = `text/xml; charset=${JSXX_CHARSET}`;

/**
 * `ListParentIdsByChildBirth` (子女出生日期查询) lists the 身份证号 of the persons with a child
 * born from `CSRQQ` to `CSRQZ` (both `YYYYMMDD`, inclusive): the department's own filter,
 * so statistics on children never move whole records. `ReportEvent` (事件报告) applies a
 * reported change once per 业务编号 (see `jsxxEvent.ts`).
 */
export const JSXX_OPERATIONS = ['QueryPersons', 'ListPersonIds', 'ListParentIdsByChildBirth', 'ReportEvent'] as const;
export type JsxxOperation = (typeof JSXX_OPERATIONS)[number];

export const soapActionOf = (operation: JsxxOperation): string => `${JSXX_NAMESPACE}${operation}`;

/**
 * The fault code of a request the service understood and refuses by its own rules (SOAP 1.1
 * lets a fault code be refined with dots); the fault string says why. Plain `Client` still
 * means a request it could not read.
 */
export const JSXX_REFUSAL_FAULT = 'Client.Refused';
