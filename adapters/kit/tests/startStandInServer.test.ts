import { startStandInServer, type StandInServer, type StandInServerOptions } from '../src';

// A stand-in of no particular protocol: one route, answered with a fixed body.
function standIn(controlRoutes?: boolean, spoiledAnswer?: StandInServerOptions['spoiledAnswer']): Promise<StandInServer> {
  return startStandInServer({
    department: 'labour',
    port: 0,
    route: (request) => (request.url === '/persons' ? 'persons' : null),
    handle: (_request, _body, response) => void response.writeHead(200, { 'content-type': 'text/plain' }).end('ok'),
    malformedBody: { contentType: 'text/plain', body: '<<' },
    controlRoutes,
    spoiledAnswer,
  });
}

const TEST_RUN = process.env.TEST_CONTROL_ROUTES;
let server: StandInServer | undefined;
afterEach(async () => {
  if (TEST_RUN === undefined) delete process.env.TEST_CONTROL_ROUTES;
  else process.env.TEST_CONTROL_ROUTES = TEST_RUN;
  await server?.close();
});

it('on the default start (TEST_CONTROL_ROUTES unset) answers /health but no /__control route', async () => {
  delete process.env.TEST_CONTROL_ROUTES;
  server = await standIn();
  expect((await fetch(`${server.url}/health`)).status).toBe(200);
  expect((await fetch(`${server.url}/__control/calls`)).status).toBe(404);
  expect((await fetch(`${server.url}/__control/fault`, { method: 'PUT', body: JSON.stringify({ kind: 'unavailable' }) })).status).toBe(404);
  expect((await fetch(`${server.url}/persons`)).status).toBe(200);
});

it('in a test run counts calls and takes faults, and /health is not a call', async () => {
  process.env.TEST_CONTROL_ROUTES = '1';
  server = await standIn();
  await fetch(`${server.url}/persons`);
  await fetch(`${server.url}/health`);
  expect(await (await fetch(`${server.url}/__control/calls`)).json()).toEqual({ persons: 1 });
  await fetch(`${server.url}/__control/fault`, { method: 'PUT', body: JSON.stringify({ kind: 'unavailable' }) });
  expect((await fetch(`${server.url}/persons`)).status).toBe(503);
});

it('refuses a TEST_CONTROL_ROUTES value it does not know, naming it', async () => {
  process.env.TEST_CONTROL_ROUTES = 'yes';
  await expect(standIn()).rejects.toThrow(/TEST_CONTROL_ROUTES/);
});

describe('faults that spoil the real answer', () => {
  const spoiledAnswer = {
    'wrong-encoding': (body: Buffer) => Buffer.from(body.toString('utf8'), 'utf16le'),
    'unknown-codes': (body: Buffer) => Buffer.from(body.toString('utf8').toUpperCase(), 'utf8'),
  };
  const setFault = (url: string, kind: string) => fetch(`${url}/__control/fault`, { method: 'PUT', body: JSON.stringify({ kind }) });

  it.each([
    ['wrong-encoding', Buffer.from('ok', 'utf16le')],
    ['unknown-codes', Buffer.from('OK')],
  ])('%s: the handler’s answer, spoiled as the stand-in declares, status and labels kept, length fixed', async (kind, expected) => {
    process.env.TEST_CONTROL_ROUTES = '1';
    server = await standIn(undefined, spoiledAnswer);
    expect((await setFault(server.url, kind)).status).toBe(200);
    const response = await fetch(`${server.url}/persons`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(response.headers.get('content-length')).toBe(String(expected.length));
    expect(Buffer.from(await response.arrayBuffer())).toEqual(expected);
    await setFault(server.url, 'none');
    expect(await (await fetch(`${server.url}/persons`)).text()).toBe('ok');
  });

  it('leaves an answer other than a 200 as the handler wrote it', async () => {
    process.env.TEST_CONTROL_ROUTES = '1';
    server = await startStandInServer({
      department: 'labour',
      port: 0,
      route: () => 'persons',
      handle: (_request, _body, response) => {
        response.writeHead(400, { 'content-type': 'text/plain', 'content-length': 2 });
        response.write('n');
        response.end('o');
      },
      malformedBody: { contentType: 'text/plain', body: '<<' },
      spoiledAnswer,
    });
    await setFault(server.url, 'unknown-codes');
    const response = await fetch(`${server.url}/persons`);
    expect({ status: response.status, body: await response.text() }).toEqual({ status: 400, body: 'no' });
  });

  it('a stand-in that declares no spoiled answer refuses those faults rather than answer as if healthy', async () => {
    process.env.TEST_CONTROL_ROUTES = '1';
    server = await standIn();
    for (const kind of ['wrong-encoding', 'unknown-codes']) expect((await setFault(server.url, kind)).status).toBe(400);
    expect(await (await fetch(`${server.url}/persons`)).text()).toBe('ok');
  });
});
