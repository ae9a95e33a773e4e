import { createHash } from 'node:crypto';
import { assertSchemaName, DEFAULT_SCHEMA } from '../src/defaultSchema';
import { createAuditStore } from '../src/createAuditStore';
import { contentDigest } from '../src/hashEntry';
import { TEST_DATABASE_URL } from './fixtures/testSchema';

describe('the schema name written into SQL', () => {
  it.each(['audit', 'audit_test_1', '_trail'])('takes the plain identifier %p', (name) => {
    expect(assertSchemaName(name)).toBe(name);
  });

  it.each(['1audit', 'audit-trail', 'x"; DROP SCHEMA audit CASCADE; --y', 'audit\nx', ''])('refuses %p', (name) => {
    expect(() => assertSchemaName(name)).toThrow(RangeError);
  });

  it('names the refused schema name in the error', () => {
    expect(() => assertSchemaName('audit-trail')).toThrow('audit schema name must be a plain identifier, got "audit-trail"');
  });

  it('is `audit` when none is given', async () => {
    expect(DEFAULT_SCHEMA).toBe('audit');
    const store = createAuditStore({ databaseUrl: TEST_DATABASE_URL });
    await store.close();
  });
});

describe('an entry’s content digest', () => {
  it('is SHA-256 over the documented serialisation, format name first, so trails written before stay verifiable', () => {
    const content = {
      recordedAt: new Date('2026-03-01T09:00:00.000Z'),
      requestId: 'req-1',
      operationId: null,
      subgraph: 'labour',
      subject: 'gw-1',
      role: 'grid-worker',
      department: null,
      purposeCode: 'HOME_VISIT',
      purposeReference: '入户 17',
      residentIds: ['110101199003074514'],
      fields: ['Resident.labour'],
      outcome: 'SERVED' as const,
    };
    const serialised = JSON.stringify([
      'resident-graph-audit/1',
      '2026-03-01T09:00:00.000Z',
      'req-1',
      null,
      'labour',
      'gw-1',
      'grid-worker',
      null,
      'HOME_VISIT',
      '入户 17',
      ['110101199003074514'],
      ['Resident.labour'],
      'SERVED',
    ]);
    expect(contentDigest(content)).toBe(createHash('sha256').update(serialised, 'utf8').digest('hex'));
  });
});
