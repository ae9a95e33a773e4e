import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLObjectType } from 'graphql';
import { SUBGRAPHS } from '@resident-graph/registry';
import { CHANGES_DOC, composeSupergraph, POLICY_DOC, publishedFiles, renderChangesDoc, renderPolicyDoc, REPO_ROOT } from '../src';

describe('published schemas', () => {
  let files: Map<string, string>;
  beforeAll(async () => {
    files = publishedFiles(await composeSupergraph());
  });

  it('composes, and every checked-in SDL is what the code produces (run `npm run compose` after a schema change)', () => {
    // One SDL per registered subgraph, and the supergraph.
    expect(files.size).toBe(SUBGRAPHS.length + 1);
    expect([...files.keys()].map((file) => path.basename(file))).toEqual(expect.arrayContaining(['statistics.graphql', 'supergraph.graphql']));
    for (const [file, content] of files) {
      expect({ file: path.relative(REPO_ROOT, file), content: readFileSync(file, 'utf8') }).toEqual({ file: path.relative(REPO_ROOT, file), content });
    }
  });

  it('gives the contract names front-line tools rely on', () => {
    const supergraph = Supergraph.build(readFileSync(path.join(REPO_ROOT, 'schemas/supergraph.graphql'), 'utf8'));
    const api = supergraph.apiSchema().toGraphQLJSSchema();
    const query = api.getQueryType()!.getFields();
    expect(Object.keys(query)).toEqual(expect.arrayContaining(['resident', 'grid', 'community']));
    expect(String(query.resident!.args[0]!.type)).toBe('CitizenId!');
    const resident = api.getType('Resident') as GraphQLObjectType;
    expect(Object.keys(resident.getFields())).toEqual(
      expect.arrayContaining(['id', 'name', 'gender', 'birthDate', 'household', 'grid', 'civilAffairs', 'familyPlanning', 'labour', 'dataQualityIssues']),
    );
    const connection = api.getType('ResidentConnection') as GraphQLObjectType;
    expect(Object.keys(connection.getFields()).sort()).toEqual(['nodes', 'pageInfo', 'totalCount']);
  });

  it('documents the access policy exactly as the subgraphs enforce it (run `npm run docs:policy` after a change)', async () => {
    expect(readFileSync(POLICY_DOC, 'utf8')).toBe(await renderPolicyDoc());
  });

  it('documents who acts on which reported change exactly as CHANGE_RULES says (run `npm run docs:changes` after a change)', () => {
    expect(readFileSync(CHANGES_DOC, 'utf8')).toBe(renderChangesDoc());
  });
});
