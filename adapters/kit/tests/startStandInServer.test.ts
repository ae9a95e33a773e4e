import { startStandInServer, type StandInServer } from '../src';

// A stand-in of no particular protocol: one route, answered with a fixed body.
function standIn(controlRoutes?: boolean): Promise<StandInServer> {
  return startStandInServer({
    department: 'labour',
    port: 0,
    route: (request) => (request.url === '/persons' ? 'persons' : null),
    handle: (_request, _body, response) => void response.writeHead(200, { 'content-type': 'text/plain' }).end('ok'),
    malformedBody: { contentType: 'text/plain', body: '<<' },
    controlRoutes,
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
