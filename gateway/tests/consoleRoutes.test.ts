import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, type JWK } from 'jose';
import { serveGraphQL, type RunningServer } from '@resident-graph/service-kit';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, type KeyLike } from '@resident-graph/trust';
import { consoleRoutes } from '../src/console/serveConsole';
import { consoleConfigRoute, devSignInRoute } from '../src/console/devSignIn';

const SCRIPT = `console.log(${JSON.stringify('居民'.repeat(2000))});`;

describe('the console as the gateway serves it', () => {
  let dist: string;
  let server: RunningServer;
  let base: string;
  let issuerPublicKey: KeyLike;

  async function serve(routes: Parameters<typeof serveGraphQL>[0]['routes']): Promise<RunningServer> {
    const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }' });
    return serveGraphQL({ apollo, port: 0, context: async () => ({}), routes });
  }

  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'console-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>console</title><script type="module" src="/assets/index-abc123.js"></script>');
    writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), SCRIPT);
    writeFileSync(path.join(dist, 'assets', 'index-abc123.css'), 'body{margin:0}');
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    issuerPublicKey = publicKey;
    const issuerPrivateKey = (await importJWK((await exportJWK(privateKey)) as JWK, 'ES256')) as KeyLike;
    server = await serve({ ...consoleRoutes(dist), '/console/config': consoleConfigRoute(true), '/console/dev-sign-in': devSignInRoute(issuerPrivateKey) });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  describe('static files', () => {
    it('serves index.html at / with a content type, a security policy and no long-lived caching', async () => {
      const response = await fetch(`${base}/`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await response.text()).toContain('<title>console</title>');
    });

    it('serves hashed assets as immutable, gzipped when asked', async () => {
      const response = await fetch(`${base}/assets/index-abc123.js`, { headers: { 'accept-encoding': 'gzip' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      // fetch decodes gzip itself; what counts is that the body decodes to the file.
      expect(response.headers.get('content-encoding')).toBe('gzip');
      expect(await response.text()).toBe(SCRIPT);
      const css = await fetch(`${base}/assets/index-abc123.css`);
      expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    });

    it('answers 304 to a request that names the current ETag', async () => {
      const first = await fetch(`${base}/`);
      const etag = first.headers.get('etag')!;
      const again = await fetch(`${base}/`, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
    });

    it('serves only the files that were built: no path reaches the file system', async () => {
      for (const probe of [
        '/assets/../../etc/passwd',
        '/%2e%2e/%2e%2e/etc/passwd',
        '/assets/%2e%2e%2fpackage.json',
        '/assets/missing.js',
        '/..%5c..%5cetc%5cpasswd',
      ]) {
        const response = await fetch(`${base}${probe}`);
        expect({ probe, status: response.status }).toEqual({ probe, status: 404 });
      }
    });

    it('refuses to write', async () => {
      const response = await fetch(`${base}/`, { method: 'POST', body: 'x' });
      expect(response.status).toBe(405);
    });

    it('says how to build the console when there is no build', async () => {
      const empty = mkdtempSync(path.join(os.tmpdir(), 'console-empty-'));
      const bare = await serve(consoleRoutes(empty));
      try {
        const response = await fetch(`http://127.0.0.1:${bare.port}/`);
        expect(await response.text()).toContain('npm run build -w @resident-graph/console');
      } finally {
        await bare.close();
        rmSync(empty, { recursive: true, force: true });
      }
    });
  });

  describe('development sign-in', () => {
    it('tells the console it is on', async () => {
      await expect((await fetch(`${base}/console/config`)).json()).resolves.toEqual({ devSignIn: true });
    });

    it('mints a short-lived token for the chosen role and jurisdiction, signed by the issuer', async () => {
      const response = await fetch(`${base}/console/dev-sign-in`, { method: 'POST', body: JSON.stringify({ role: 'grid-worker', grids: ['G001', 'G002'] }) });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const { token, developmentOnly } = (await response.json()) as { token: string; developmentOnly: boolean };
      expect(developmentOnly).toBe(true);
      const { payload } = await jwtVerify(token, issuerPublicKey, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });
      expect(payload).toMatchObject({ sub: 'dev-grid-worker', role: 'grid-worker', grids: ['G001', 'G002'], community: null, department: null });
      expect(payload.exp! - payload.iat!).toBe(30 * 60);
    });

    it.each([
      ['an unknown role', { role: 'root' }],
      ['an officer without a department', { role: 'department-officer', grids: ['G001'] }],
      ['a grid id that is not an id', { role: 'grid-worker', grids: ['G001; drop'] }],
      ['not JSON', 'role=analyst'],
    ])('refuses %s', async (_case, body) => {
      const response = await fetch(`${base}/console/dev-sign-in`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
      expect(response.status).toBe(400);
    });

    it('only mints on POST', async () => {
      expect((await fetch(`${base}/console/dev-sign-in`)).status).toBe(405);
    });

    it('does not exist unless turned on', async () => {
      const off = await serve({ '/console/config': consoleConfigRoute(false) });
      try {
        await expect((await fetch(`http://127.0.0.1:${off.port}/console/config`)).json()).resolves.toEqual({ devSignIn: false });
        expect((await fetch(`http://127.0.0.1:${off.port}/console/dev-sign-in`, { method: 'POST', body: '{"role":"auditor"}' })).status).toBe(404);
      } finally {
        await off.close();
      }
    });
  });
});
