import type { StoredKey } from '@resident-graph/adapter-kit';
import type { JsxxPersonId } from './jsxx/JsxxPerson';

/** A person's keys as the service stores them: 身份证号, 个人编号, 姓名. */
export const storedKeyOf = (id: JsxxPersonId): StoredKey => ({ storedId: id.SFZH, recordReference: id.GRBH, nameOnRecord: id.XM });
