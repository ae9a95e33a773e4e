import { toAuditRecord } from '../src/toAuditRecord';
import type { AuditEntry as AuditEntryRow } from '../src/generated/prisma/client';

const row: AuditEntryRow = {
  sequence: 7n,
  recordedAt: new Date('2026-03-01T09:00:00.000Z'),
  requestId: 'req-7',
  operationId: null,
  subgraph: 'labour',
  subject: 'gw-1',
  role: 'grid-worker',
  department: null,
  purposeCode: 'HOME_VISIT',
  purposeReference: null,
  residentIds: ['110101199003074514'],
  fields: ['Resident.labour'],
  outcome: 'SERVED',
  previousHash: '0'.repeat(64),
  hash: 'a'.repeat(64),
};

describe('a stored row as the API hands it out', () => {
  it('keeps every column, the sequence as a number', () => {
    const { sequence: _sequence, ...rest } = row;
    expect(toAuditRecord(row)).toEqual({ ...rest, sequence: 7 });
  });

  it('refuses an outcome that is neither SERVED nor REFUSED, naming the entry and the outcome', () => {
    expect(() => toAuditRecord({ ...row, outcome: 'LOST' })).toThrow('audit entry 7 has an unknown outcome "LOST"');
  });
});
