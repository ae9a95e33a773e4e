import { GENDER_CODES, normalizeCitizenId, type Gender } from '@resident-graph/schemas';
import type { FamilyPlanningChild, FamilyPlanningRecord } from './FamilyPlanningRecord';
import { fromJsxxDate } from './jsxx/jsxxDate';
import { JsxxFormatError } from './jsxx/JsxxFormatError';
import { nodesOf, optionalNodeOf, textOf, type XmlNode } from './jsxx/xmlNodes';

function matching(value: string, pattern: RegExp, what: string, where: string): string {
  if (!pattern.test(value)) throw new JsxxFormatError(`${where}: "${value}" is not ${what}`);
  return value;
}

function genderOf(code: string, where: string): Gender {
  const gender = GENDER_CODES[code as keyof typeof GENDER_CODES] as Gender | undefined;
  if (!gender) throw new JsxxFormatError(`${where}: "${code}" is not a GB/T 2261.1 sex code`);
  return gender;
}

function toChild(child: XmlNode, where: string): FamilyPlanningChild {
  // A newborn has no ID yet; a child's ID that fails validation names nobody either.
  const id = normalizeCitizenId(textOf(child, 'SFZH', where));
  return {
    id: id.ok ? id.id : null,
    name: textOf(child, 'XM', where),
    gender: genderOf(textOf(child, 'XB', where), where),
    birthDate: fromJsxxDate(textOf(child, 'CSRQ', where), where),
  };
}

/** Maps one `<Person>` of the service onto the canonical record; a `JsxxFormatError` if it does not fit. */
export function toFamilyPlanningRecord(person: XmlNode, where: string): FamilyPlanningRecord {
  const certificate = optionalNodeOf(person, 'DSZNZ', where);
  const reward = optionalNodeOf(person, 'JLFZ', where);
  return {
    nameOnRecord: textOf(person, 'XM', where),
    childBearingAge: matching(textOf(person, 'YLFNBZ', where), /^[01]$/, 'a 0/1 flag', where) === '1',
    children: nodesOf(person, 'Child', where).map((child, i) => toChild(child, `${where}/Child[${i}]`)),
    birthRegistrations: nodesOf(person, 'SYDJ', where).map((registration, i) => {
      const at = `${where}/SYDJ[${i}]`;
      return {
        registrationNumber: textOf(registration, 'DJBH', at),
        registeredOn: fromJsxxDate(textOf(registration, 'DJRQ', at), at),
        childOrder: Number(matching(textOf(registration, 'HC', at), /^[1-9]\d*$/, 'a child order', at)),
      };
    }),
    onlyChildCertificate: certificate && {
      certificateNumber: textOf(certificate, 'ZH', `${where}/DSZNZ`),
      issuedOn: fromJsxxDate(textOf(certificate, 'FZRQ', `${where}/DSZNZ`), `${where}/DSZNZ`),
    },
    rewardSupport: reward && {
      since: fromJsxxDate(textOf(reward, 'KSRQ', `${where}/JLFZ`), `${where}/JLFZ`),
      amountPerYear: Number(matching(textOf(reward, 'NJE', `${where}/JLFZ`), /^\d+(\.\d{1,2})?$/, 'an amount', `${where}/JLFZ`)),
    },
  };
}
