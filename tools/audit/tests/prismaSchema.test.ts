import { createAuditClient, type PrismaClient } from '../src/createAuditClient';
import { GENESIS_HASH, hashEntry } from '../src/hashEntry';
import { prepareAuditStore } from '../src/prepareAuditStore';
import { toAuditRecord } from '../src/toAuditRecord';
import { dropSchema, randomSchemaName, TEST_DATABASE_URL, withPool } from './fixtures/testSchema';
import { residentId, sampleEntry } from './fixtures/sampleEntry';

// The SQL migrations create the tables; Prisma Client reads and writes them through
// schema.prisma. Writing and reading every field of every model proves the two agree.
const schema = randomSchemaName();
let prisma: PrismaClient;

beforeAll(async () => {
  await prepareAuditStore({ databaseUrl: TEST_DATABASE_URL, schema });
  prisma = createAuditClient({ databaseUrl: TEST_DATABASE_URL, schema, connectTimeoutMs: 5000 });
});
afterAll(async () => {
  await prisma.$disconnect();
  await dropSchema(schema);
});

test('the chain head starts at the genesis', async () => {
  expect(await prisma.auditChainHead.findMany()).toEqual([{ id: true, sequence: 0n, hash: GENESIS_HASH }]);
});

test('an entry with every field set, and one with every optional field empty, read back as written', async () => {
  const first = {
    ...sampleEntry({ residentIds: [residentId(1), residentId(2)] }),
    operationId: 'op-7',
    department: 'civil-affairs',
    purposeReference: 'case 12',
  };
  const second = {
    ...sampleEntry({ residentIds: [], fields: [], outcome: 'REFUSED' }),
    operationId: null,
    department: null,
    purposeCode: null,
    purposeReference: null,
  };
  let previousHash = GENESIS_HASH;
  for (const [index, entry] of [first, second].entries()) {
    const chained = {
      ...entry,
      residentIds: [...entry.residentIds],
      fields: [...entry.fields],
      sequence: index + 1,
      recordedAt: new Date('2026-06-30T08:15:30.123Z'),
      previousHash,
    };
    const record = { ...chained, hash: hashEntry(chained) };
    await prisma.auditEntry.create({ data: { ...record, sequence: BigInt(record.sequence) } });
    const found = await prisma.auditEntry.findUniqueOrThrow({ where: { hash: record.hash } });
    expect(toAuditRecord(found)).toEqual(record);
    expect(await prisma.auditEntry.findUnique({ where: { previousHash } })).toEqual(found);
    previousHash = record.hash;
  }
  expect(await prisma.auditChainHead.findUniqueOrThrow({ where: { id: true } })).toEqual({ id: true, sequence: 2n, hash: previousHash });
  expect((await prisma.auditEntry.findMany({ where: { residentIds: { has: residentId(2) } } })).map((row) => row.sequence)).toEqual([1n]);
});

test('preparing again applies nothing; several services preparing a fresh schema at once all succeed', async () => {
  expect(await prepareAuditStore({ databaseUrl: TEST_DATABASE_URL, schema })).toEqual([]);
  const fresh = randomSchemaName();
  try {
    const applied = await Promise.all([1, 2, 3].map(() => prepareAuditStore({ databaseUrl: TEST_DATABASE_URL, schema: fresh })));
    expect(applied.flat()).toEqual(['0001_audit_chain.sql', '0002_audit_writer_role.sql', '0003_access_log_filters.sql']);
    const { rows } = await withPool((pool) => pool.query(`SELECT seq FROM "${fresh}".audit_chain_head`));
    expect(rows).toEqual([{ seq: '0' }]);
  } finally {
    await dropSchema(fresh);
  }
});
