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
          <xsd:element name="LDRK" minOccurs="0">
            <xsd:annotation><xsd:documentation>流动人口: 流入日期 LRRQ, 现居住地 XJZD, 流出日期 LCRQ, 迁往地 QWD</xsd:documentation></xsd:annotation>
            <xsd:complexType><xsd:sequence>
              <xsd:element name="LRRQ" type="xsd:string" minOccurs="0"/>
              <xsd:element name="XJZD" type="xsd:string" minOccurs="0"/>
              <xsd:element name="LCRQ" type="xsd:string" minOccurs="0"/>
              <xsd:element name="QWD" type="xsd:string" minOccurs="0"/>
            </xsd:sequence></xsd:complexType>
          </xsd:element>
          <xsd:element name="PO" minOccurs="0">
            <xsd:annotation><xsd:documentation>配偶: 身份证号 SFZH, 结婚日期 JHRQ</xsd:documentation></xsd:annotation>
            <xsd:complexType><xsd:sequence>
              <xsd:element name="SFZH" type="xsd:string"/>
              <xsd:element name="JHRQ" type="xsd:string"/>
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
      <xsd:element name="ReportEvent">
        <xsd:annotation><xsd:documentation>事件报告: 业务编号 YWBH 只办理一次（再报答复首次结果）; 事件类型 SJLX 01 流入, 02 流出, 03 生育登记, 04 结婚;
          发生日期 FSRQ (YYYYMMDD); 当事人 SFZH (生育为母亲); 配偶 POSFZH (生育为父亲); 地址 DZ (现居住地 / 迁往地); 子女姓名 ZNXM, 性别 ZNXB.
          不予办理: soap:Client.Refused, faultstring 为理由.</xsd:documentation></xsd:annotation>
        <xsd:complexType><xsd:sequence>
          <xsd:element name="YWBH" type="xsd:string"/>
          <xsd:element name="SJLX" type="xsd:string"/>
          <xsd:element name="FSRQ" type="xsd:string"/>
          <xsd:element name="SFZH" type="xsd:string"/>
          <xsd:element name="POSFZH" type="xsd:string" minOccurs="0"/>
          <xsd:element name="DZ" type="xsd:string" minOccurs="0"/>
          <xsd:element name="ZNXM" type="xsd:string" minOccurs="0"/>
          <xsd:element name="ZNXB" type="xsd:string" minOccurs="0"/>
        </xsd:sequence></xsd:complexType>
      </xsd:element>
      <xsd:element name="ReportEventResponse">
        <xsd:complexType><xsd:sequence>
          <xsd:element name="YWBH" type="xsd:string"/>
          <xsd:element name="CLJG" type="xsd:string"/>
          <xsd:element name="BLBH" type="xsd:string" minOccurs="0"/>
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
