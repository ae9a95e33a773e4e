import { JSXX_CHARSET, JSXX_NAMESPACE, JSXX_OPERATIONS, soapActionOf } from '../jsxx/jsxxProtocol';

const personFields = `
          <xsd:element name="GRBH" type="xsd:string"/>
          <xsd:element name="SFZH" type="xsd:string"/>
          <xsd:element name="XM" type="xsd:string"/>`;

/** The service description a SOAP toolkit would generate its client from. */
export function jsxxWsdl(location: string): string {
  return `<?xml version="1.0" encoding="${JSXX_CHARSET}"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:jsxx="${JSXX_NAMESPACE}" targetNamespace="${JSXX_NAMESPACE}">
  <wsdl:documentation>计划生育信息服务 (JsxxService): 育龄妇女、子女、生育登记、独生子女证、奖励扶助</wsdl:documentation>
  <wsdl:types>
    <xsd:schema targetNamespace="${JSXX_NAMESPACE}" elementFormDefault="unqualified">
      <xsd:complexType name="Child">
        <xsd:sequence>
          <xsd:element name="SFZH" type="xsd:string"/>
          <xsd:element name="XM" type="xsd:string"/>
          <xsd:element name="XB" type="xsd:string"/>
          <xsd:element name="CSRQ" type="xsd:string"/>
        </xsd:sequence>
      </xsd:complexType>
      <xsd:complexType name="Person">
        <xsd:sequence>${personFields}
          <xsd:element name="YLFNBZ" type="xsd:string"/>
          <xsd:element name="Child" type="jsxx:Child" minOccurs="0" maxOccurs="unbounded"/>
          <xsd:element name="SYDJ" minOccurs="0" maxOccurs="unbounded">
            <xsd:complexType><xsd:sequence>
              <xsd:element name="DJBH" type="xsd:string"/>
              <xsd:element name="DJRQ" type="xsd:string"/>
              <xsd:element name="HC" type="xsd:int"/>
            </xsd:sequence></xsd:complexType>
          </xsd:element>
          <xsd:element name="DSZNZ" minOccurs="0">
            <xsd:complexType><xsd:sequence>
              <xsd:element name="ZH" type="xsd:string"/>
              <xsd:element name="FZRQ" type="xsd:string"/>
            </xsd:sequence></xsd:complexType>
          </xsd:element>
          <xsd:element name="JLFZ" minOccurs="0">
            <xsd:complexType><xsd:sequence>
              <xsd:element name="KSRQ" type="xsd:string"/>
              <xsd:element name="NJE" type="xsd:decimal"/>
            </xsd:sequence></xsd:complexType>
          </xsd:element>
        </xsd:sequence>
      </xsd:complexType>
      <xsd:complexType name="PersonId">
        <xsd:sequence>${personFields}
        </xsd:sequence>
      </xsd:complexType>
      <xsd:element name="QueryPersons">
        <xsd:complexType><xsd:sequence>
          <xsd:element name="SFZH" type="xsd:string" maxOccurs="unbounded"/>
        </xsd:sequence></xsd:complexType>
      </xsd:element>
      <xsd:element name="QueryPersonsResponse">
        <xsd:complexType><xsd:sequence>
          <xsd:element name="Person" type="jsxx:Person" minOccurs="0" maxOccurs="unbounded"/>
        </xsd:sequence></xsd:complexType>
      </xsd:element>
      <xsd:element name="ListPersonIds">
        <xsd:complexType><xsd:sequence/></xsd:complexType>
      </xsd:element>
      <xsd:element name="ListPersonIdsResponse">
        <xsd:complexType><xsd:sequence>
          <xsd:element name="PersonId" type="jsxx:PersonId" minOccurs="0" maxOccurs="unbounded"/>
        </xsd:sequence></xsd:complexType>
      </xsd:element>
      <xsd:element name="ListParentIdsByChildBirth">
        <xsd:annotation><xsd:documentation>子女出生日期查询: 出生日期起 CSRQQ 至 CSRQZ (YYYYMMDD, 含)</xsd:documentation></xsd:annotation>
        <xsd:complexType><xsd:sequence>
          <xsd:element name="CSRQQ" type="xsd:string"/>
          <xsd:element name="CSRQZ" type="xsd:string"/>
        </xsd:sequence></xsd:complexType>
      </xsd:element>
      <xsd:element name="ListParentIdsByChildBirthResponse">
        <xsd:complexType><xsd:sequence>
          <xsd:element name="SFZH" type="xsd:string" minOccurs="0" maxOccurs="unbounded"/>
        </xsd:sequence></xsd:complexType>
      </xsd:element>
    </xsd:schema>
  </wsdl:types>
${JSXX_OPERATIONS.map(
  (operation) => `  <wsdl:message name="${operation}Request"><wsdl:part name="parameters" element="jsxx:${operation}"/></wsdl:message>
  <wsdl:message name="${operation}Response"><wsdl:part name="parameters" element="jsxx:${operation}Response"/></wsdl:message>
`,
).join('')}  <wsdl:portType name="JsxxServicePortType">
${JSXX_OPERATIONS.map(
  (operation) => `    <wsdl:operation name="${operation}">
      <wsdl:input message="jsxx:${operation}Request"/>
      <wsdl:output message="jsxx:${operation}Response"/>
    </wsdl:operation>
`,
).join('')}  </wsdl:portType>
  <wsdl:binding name="JsxxServiceSoapBinding" type="jsxx:JsxxServicePortType">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
${JSXX_OPERATIONS.map(
  (operation) => `    <wsdl:operation name="${operation}">
      <soap:operation soapAction="${soapActionOf(operation)}"/>
      <wsdl:input><soap:body use="literal"/></wsdl:input>
      <wsdl:output><soap:body use="literal"/></wsdl:output>
    </wsdl:operation>
`,
).join('')}  </wsdl:binding>
  <wsdl:service name="JsxxService">
    <wsdl:port name="JsxxServicePort" binding="jsxx:JsxxServiceSoapBinding">
      <soap:address location="${location}"/>
    </wsdl:port>
  </wsdl:service>
</wsdl:definitions>
`;
}
