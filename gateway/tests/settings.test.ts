import { loadGatewaySettings } from '../src';

describe('loadGatewaySettings', () => {
  it('has working defaults', () => {
    const settings = loadGatewaySettings({});
    expect(settings.PORT).toBe(4000);
    expect(settings.SUPERGRAPH_PATH).toMatch(/schemas\/supergraph\.graphql$/);
    expect(settings.SUBGRAPH_URLS).toEqual({});
    expect(settings.INTROSPECTION).toBe(false);
    expect(settings.MAX_BATCH_OPERATIONS).toBe(1);
    expect(settings.CONSOLE_DEV_SIGN_IN).toBe(false);
    expect(settings.CONSOLE_DIR).toMatch(/console\/dist$/);
  });

  it('parses subgraph URL overrides', () => {
    const settings = loadGatewaySettings({ SUBGRAPH_URLS: '{"grid":"http://127.0.0.1:9999/graphql"}' });
    expect(settings.SUBGRAPH_URLS).toEqual({ grid: 'http://127.0.0.1:9999/graphql' });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ SUBGRAPH_URLS: 'not json' }, /SUBGRAPH_URLS: must be a JSON object/],
    [{ SUBGRAPH_URLS: '{"grid":"nowhere"}' }, /SUBGRAPH_URLS/],
    [{ MAX_QUERY_DEPTH: '1' }, /MAX_QUERY_DEPTH/],
    [{ MAX_ALIASES: '-1' }, /MAX_ALIASES/],
    [{ MAX_QUERY_COST: 'lots' }, /MAX_QUERY_COST/],
    [{ MAX_TOKENS: '10' }, /MAX_TOKENS/],
    [{ MAX_DIRECTIVES: '1.5' }, /MAX_DIRECTIVES/],
    [{ MAX_BATCH_OPERATIONS: '0' }, /MAX_BATCH_OPERATIONS/],
    [{ INTROSPECTION: 'perhaps' }, /INTROSPECTION/],
  ])('fails fast naming the bad setting %p', (env, message) => {
    expect(() => loadGatewaySettings(env)).toThrow(message);
  });
});
