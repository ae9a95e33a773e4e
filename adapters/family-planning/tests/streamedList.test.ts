import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import iconv from 'iconv-lite';
import { createFamilyPlanningAdapter, type FamilyPlanningAdapter } from '../src';
import { familyPlanningPopulation, storedIdOf } from './fixtures/familyPlanningPopulation';
import { soapEnvelope } from './fixtures/jsxxService';

/**
 * The list of stored IDs from a real HTTP server that sends it a few bytes at a time, each
 * part written on its own turn of the event loop, so the adapter reads it off the connection
 * in parts: GBK characters, tags and IDs cut between them.
 */
const { people } = familyPlanningPopulation();
const listed = [people.mother, people.father, people.elder, people.mistyped, people.formatted];
const listXml = (persons: typeof listed) =>
  soapEnvelope(
    `<ns2:ListPersonIdsResponse xmlns:ns2="http://jsxx.wjw.gov.cn/">${persons
      .map((person, i) => `<PersonId><GRBH>JS${i + 1}</GRBH><SFZH>${storedIdOf(person)}</SFZH><XM>${person.name}</XM></PersonId>`)
      .join('')}</ns2:ListPersonIdsResponse>`,
  );
const emptyQueryAnswer = iconv.encode(soapEnvelope('<ns2:QueryPersonsResponse xmlns:ns2="http://jsxx.wjw.gov.cn/"></ns2:QueryPersonsResponse>'), 'gbk');

let list: Buffer;
let partsSent: number;
const queried: string[] = [];
let server: http.Server;
let adapter: FamilyPlanningAdapter;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const body: Buffer[] = [];
    request.on('data', (chunk: Buffer) => body.push(chunk));
    request.on('end', async () => {
      response.writeHead(200, { 'content-type': 'text/xml; charset=GBK' });
      if (!String(request.headers.soapaction).includes('ListPersonIds')) {
        queried.push(iconv.decode(Buffer.concat(body), 'gbk'));
        return void response.end(emptyQueryAnswer);
      }
      for (let at = 0; at < list.length; at += 5) {
        response.write(list.subarray(at, at + 5));
        partsSent++;
        await delay(0);
      }
      response.end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
});
beforeEach(() => {
  partsSent = 0;
  adapter = createFamilyPlanningAdapter({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    retries: 0,
    indexRefreshMs: 60_000,
    indexRetryMs: 60_000,
  });
});
afterEach(() => adapter.close());
afterAll(() => new Promise((resolve) => server.close(resolve)));

test('reads a list that arrives a few bytes at a time as it reads the whole', async () => {
  list = iconv.encode(listXml(listed), 'gbk');

  expect(await adapter.storedIds()).toEqual(listed.map(storedIdOf));
  expect(partsSent).toBeGreaterThan(100);
  const issues = await adapter.issuesByResident();
  expect(issues.get(people.mistyped.id)).toMatchObject([{ kind: 'INVALID_CITIZEN_ID', storedId: storedIdOf(people.mistyped), nameOnRecord: '赵敏' }]);
  expect(issues.get(people.elder.id)).toMatchObject([{ kind: 'LEGACY_15_DIGIT_ID', storedId: storedIdOf(people.elder), nameOnRecord: '王秀英' }]);
  // The index the read left: a person stored in full-width digits is asked for in that form.
  await adapter.lookup([people.formatted.id]);
  expect(queried.at(-1)).toContain(`<SFZH>${storedIdOf(people.formatted)}</SFZH>`);
});

test('refuses a list in UTF-8 labelled GBK at its end, though every part decodes as GBK', async () => {
  // Full-width digits and 孙燕: UTF-8 bytes that all read as GBK characters.
  list = Buffer.from(listXml([people.formatted]), 'utf8');

  const failure = adapter.storedIds();
  await expect(failure).rejects.toMatchObject({ code: 'DEPARTMENT_BAD_RESPONSE' });
  await expect(failure).rejects.toThrow('declared GBK but the bytes are UTF-8 (from <SFZH>)');
});
