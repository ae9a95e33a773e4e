import { buildSchema, parse, validate } from 'graphql';
import { depthLimit } from '../src';

const schema = buildSchema(`
  type Query { resident(id: ID!): Resident }
  type Resident { id: ID! name: String household: Household }
  type Household { id: ID! members: [Resident!]! }
`);

const errorsOf = (query: string, maxDepth: number) => validate(schema, parse(query), [depthLimit(maxDepth)]);

describe('depthLimit', () => {
  it('lets a query at the limit through', () => {
    expect(errorsOf('{ resident(id: "1") { household { members { name } } } }', 4)).toEqual([]);
  });

  it('rejects a query one level deeper with QUERY_TOO_COMPLEX', () => {
    const errors = errorsOf('{ resident(id: "1") { household { members { household { id } } } } }', 4);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', depth: 5, maxDepth: 4 });
    expect(errors[0]!.message).toBe('query is 5 levels deep; the limit is 4');
    expect(errors[0]!.locations).toEqual([{ line: 1, column: 1 }]);
  });

  it('counts depth through fragments and inline fragments', () => {
    const query = `
      query { resident(id: "1") { ...R } }
      fragment R on Resident { household { ... on Household { members { household { id } } } } }`;
    expect(errorsOf(query, 4)[0]!.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(errorsOf(query, 5)).toEqual([]);
  });

  it('survives fragment cycles (reported by graphql-js, not looped on)', () => {
    const query = `query { resident(id: "1") { ...A } } fragment A on Resident { household { members { ...A } } }`;
    expect(() => errorsOf(query, 10)).not.toThrow();
  });
});
