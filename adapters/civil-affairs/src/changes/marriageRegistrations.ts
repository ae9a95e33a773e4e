import { citizenIdFacts, normalizeCitizenId, type ReportedChange } from '@resident-graph/schemas';
import type { PoolClient } from 'pg';
import { MARRIAGE_KIND } from '../civilAffairsCodes';
import { recordedDead } from './changeRecords';

/** A 婚姻登记 row, as stored. */
export interface Registration {
  djzh: string;
  /** 登记日期, `YYYY-MM-DD` */
  djrq: string;
  nfsfzh: string | null;
  nfxm: string;
  nvsfzh: string | null;
  nvxm: string;
}

/** The stored forms of one canonical ID the bureau's rows may hold it under. */
export type StoredForms = (citizenId: string) => string[];

/** What a marriage or divorce needs: the refusal by the bureau's rules, or the registrations it acts on. */
export type MarriageCheck = { refusal: string } | { refusal: null; active: Registration[] };

const couple = (change: ReportedChange): [string, string] => {
  if (!change.residentId || !change.spouse) throw new Error(`${change.kind} names no resident or no spouse`);
  return [change.residentId, change.spouse.spouseId];
};

const otherParty = (registration: Registration, forms: readonly string[]): string | null =>
  forms.includes(registration.nfsfzh ?? '') ? registration.nvsfzh : registration.nfsfzh;

/**
 * The marriage registrations (结婚登记) naming `citizenId` that are in force: no later
 * divorce registration (离婚登记) of the same couple closed them, and the bureau has not
 * accepted the other party's death. The registry itself records no deaths, so a widowed
 * party whose spouse's death never reached the bureau still reads as married.
 */
export async function activeMarriages(client: PoolClient, citizenId: string, formsOf: StoredForms): Promise<Registration[]> {
  const forms = formsOf(citizenId);
  const { rows } = await client.query<Registration>(
    `SELECT m.djzh, to_char(m.djrq, 'YYYY-MM-DD') AS djrq, m.nfsfzh, m.nfxm, m.nvsfzh, m.nvxm FROM hydj m
      WHERE m.djlx = $2 AND (m.nfsfzh = ANY($1::text[]) OR m.nvsfzh = ANY($1::text[]))
        AND NOT EXISTS (
          SELECT 1 FROM hydj d
           WHERE d.djlx = $3 AND d.djrq >= m.djrq
             AND (d.nfsfzh = m.nfsfzh OR (d.nfsfzh IS NULL AND m.nfsfzh IS NULL AND d.nfxm = m.nfxm))
             AND (d.nvsfzh = m.nvsfzh OR (d.nvsfzh IS NULL AND m.nvsfzh IS NULL AND d.nvxm = m.nvxm)))
      ORDER BY m.djrq`,
    [forms, MARRIAGE_KIND.encode('MARRIAGE'), MARRIAGE_KIND.encode('DIVORCE')],
  );
  const spouses = rows.map((row) => normalizeCitizenId(otherParty(row, forms) ?? '')).flatMap((result) => (result.ok ? [result.id] : []));
  const dead = await recordedDead(client, spouses);
  return rows.filter((row) => {
    const spouse = normalizeCitizenId(otherParty(row, forms) ?? '');
    return !(spouse.ok && dead.has(spouse.id));
  });
}

/**
 * The bureau's rules for a marriage: a man and a woman, neither recorded dead, neither in a
 * marriage in force. For a divorce: a marriage in force between the two.
 */
export async function checkMarriage(client: PoolClient, change: ReportedChange, formsOf: StoredForms): Promise<MarriageCheck> {
  const [residentId, spouseId] = couple(change);
  if (change.kind === 'DIVORCE') {
    const spouseForms = formsOf(spouseId);
    const between = (await activeMarriages(client, residentId, formsOf)).filter((row) => spouseForms.includes(otherParty(row, formsOf(residentId)) ?? ''));
    if (between.length === 0) return { refusal: `no marriage registration in force between ${residentId} and ${spouseId}` };
    const later = between.find((row) => row.djrq > change.occurredOn);
    if (later) return { refusal: `divorce dated ${change.occurredOn}, before the marriage registration ${later.djzh} of ${later.djrq}` };
    return { refusal: null, active: between };
  }
  if (residentId === spouseId || citizenIdFacts(residentId).gender === citizenIdFacts(spouseId).gender) {
    return { refusal: '结婚登记 registers a man and a woman: the two citizen IDs give the same sex' };
  }
  const dead = await recordedDead(client, [residentId, spouseId]);
  if (dead.size > 0) return { refusal: `${[...dead].join(', ')} recorded deceased by civil affairs` };
  for (const party of [residentId, spouseId]) {
    const [registration] = await activeMarriages(client, party, formsOf);
    if (registration) return { refusal: `${party} has a marriage registration in force (${registration.djzh})` };
  }
  return { refusal: null, active: [] };
}

/** The name the bureau holds for a person on any of its rows; a report names no one, so `''` when it holds none. */
async function nameOnRecord(client: PoolClient, forms: readonly string[]): Promise<string> {
  const { rows } = await client.query<{ xm: string }>(
    `SELECT xm FROM (
        SELECT xm FROM jzcy WHERE sfzh = ANY($1::text[]) UNION ALL SELECT xm FROM cjrz WHERE sfzh = ANY($1::text[])
        UNION ALL SELECT xm FROM gljt WHERE sfzh = ANY($1::text[]) UNION ALL SELECT xm FROM yfdx WHERE sfzh = ANY($1::text[])
        UNION ALL SELECT nfxm FROM hydj WHERE nfsfzh = ANY($1::text[]) UNION ALL SELECT nvxm FROM hydj WHERE nvsfzh = ANY($1::text[])
      ) named LIMIT 1`,
    [[...forms]],
  );
  return rows[0]?.xm ?? '';
}

/**
 * The next certificate number of the year, `J310115-2026-000001` (结婚证字号; `L` for 离婚证).
 * Numbering takes a lock for the prefix, so two registrations never draw the same number.
 */
async function nextCertificateNumber(client: PoolClient, prefix: string): Promise<string> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`hydj:${prefix}`]);
  const { rows } = await client.query<{ last: number | null }>(`SELECT max(substring(djzh FROM '(\\d+)$')::int) AS last FROM hydj WHERE djzh LIKE $1 || '%'`, [
    prefix,
  ]);
  return `${prefix}${String((rows[0]?.last ?? 0) + 1).padStart(6, '0')}`;
}

/** Enters a 结婚登记 (IA) of the two, the husband first as the table orders them. */
export async function registerMarriage(client: PoolClient, change: ReportedChange, formsOf: StoredForms, regionCode: string): Promise<void> {
  const parties = couple(change);
  const [husband, wife] = citizenIdFacts(parties[0]).gender === 'MALE' ? parties : [parties[1], parties[0]];
  const number = await nextCertificateNumber(client, `J${regionCode}-${change.occurredOn.slice(0, 4)}-`);
  await client.query('INSERT INTO hydj (djzh, djlx, djrq, nfsfzh, nfxm, nvsfzh, nvxm) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    number,
    MARRIAGE_KIND.encode('MARRIAGE'),
    change.occurredOn,
    husband,
    await nameOnRecord(client, formsOf(husband)),
    wife,
    await nameOnRecord(client, formsOf(wife)),
  ]);
}

/** Enters a 离婚登记 (IB) of the couple as their marriage registration holds them, which closes it. */
export async function registerDivorce(client: PoolClient, change: ReportedChange, marriage: Registration, regionCode: string): Promise<void> {
  const number = await nextCertificateNumber(client, `L${regionCode}-${change.occurredOn.slice(0, 4)}-`);
  await client.query('INSERT INTO hydj (djzh, djlx, djrq, nfsfzh, nfxm, nvsfzh, nvxm) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    number,
    MARRIAGE_KIND.encode('DIVORCE'),
    change.occurredOn,
    marriage.nfsfzh,
    marriage.nfxm,
    marriage.nvsfzh,
    marriage.nvxm,
  ]);
}
