import path from 'node:path';
import { runSqlMigrations } from '@resident-graph/adapter-kit';
import { createCivilAffairsClient, type PrismaClient } from '../src/createCivilAffairsClient';
import { dropSchema, randomSchemaName, TEST_DATABASE_URL, withPool } from './fixtures/testSchema';

// The SQL migrations create the tables; Prisma Client reads them through schema.prisma.
// Writing and reading every model through the client proves the two agree.
const schema = randomSchemaName();
let prisma: PrismaClient;

beforeAll(async () => {
  await withPool((pool) => runSqlMigrations(pool, schema, path.join(__dirname, '..', 'prisma', 'migrations')));
  prisma = createCivilAffairsClient({ databaseUrl: TEST_DATABASE_URL, schema });
});
afterAll(async () => {
  await prisma.$disconnect();
  await dropSchema(schema);
});

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

test('assistance cases and their members', async () => {
  await prisma.assistanceCase.create({
    data: {
      caseNumber: 'DB310115-2019-0001',
      kindCode: '10',
      applicantName: '王建国',
      approvedOn: day('2019-05-01'),
      regionCode: '310115',
      members: {
        create: [
          { memberNumber: 1, citizenId: '310115580312013', name: '王建国', statusCode: '1', since: day('2019-05-01'), amountFen: 151_000 },
          { memberNumber: 2, citizenId: '310115196007080244', name: '李秀瑛', statusCode: '2', since: day('2019-06-01'), amountFen: 151_050 },
        ],
      },
    },
  });
  const found = await prisma.assistanceCase.findUniqueOrThrow({
    where: { caseNumber: 'DB310115-2019-0001' },
    include: { members: { orderBy: { memberNumber: 'asc' } } },
  });
  expect(found).toMatchObject({ kindCode: '10', applicantName: '王建国', approvedOn: day('2019-05-01'), regionCode: '310115' });
  expect(found.members.map((m) => [m.memberNumber, m.citizenId, m.statusCode, m.since, m.amountFen])).toEqual([
    [1, '310115580312013', '1', day('2019-05-01'), 151_000],
    [2, '310115196007080244', '2', day('2019-06-01'), 151_050],
  ]);
  const member = await prisma.assistanceMember.findUniqueOrThrow({
    where: { caseNumber_memberNumber: { caseNumber: 'DB310115-2019-0001', memberNumber: 2 } },
    include: { assistanceCase: true },
  });
  expect(member.assistanceCase.kindCode).toBe('10');
});

test('disability certificates', async () => {
  const data = {
    certificateNumber: '31011519600708024442',
    citizenId: '310115196007080244',
    name: '李秀瑛',
    categoryCode: '4',
    gradeCode: '2',
    issuedOn: day('2015-06-01'),
  };
  await prisma.disabilityCertificate.create({ data });
  expect(await prisma.disabilityCertificate.findUniqueOrThrow({ where: { certificateNumber: data.certificateNumber } })).toEqual(data);
});

test('elderly allowances, amounts in yuan with fen', async () => {
  await prisma.elderlyAllowance.create({
    data: { paymentNumber: 'GL310115000001', citizenId: '310115194002020421', name: '赵桂兰', since: day('2020-03-01'), amountYuan: '150.50' },
  });
  const found = await prisma.elderlyAllowance.findUniqueOrThrow({ where: { paymentNumber: 'GL310115000001' } });
  expect(found.amountYuan.toNumber()).toBe(150.5);
  expect(found).toMatchObject({ citizenId: '310115194002020421', name: '赵桂兰', since: day('2020-03-01'), stoppedOn: null });
  await prisma.elderlyAllowance.update({ where: { paymentNumber: 'GL310115000001' }, data: { stoppedOn: day('2026-11-20') } });
  expect((await prisma.elderlyAllowance.findUniqueOrThrow({ where: { paymentNumber: 'GL310115000001' } })).stoppedOn).toEqual(day('2026-11-20'));
});

test('change records and the assistance reviews they register', async () => {
  await prisma.assistanceCase.create({
    data: { caseNumber: 'DB310115-2020-0002', kindCode: '10', applicantName: '钱芳', approvedOn: day('2020-01-01'), regionCode: '310115' },
  });
  await prisma.changeRecord.create({
    data: {
      idempotencyKey: 'delivery-1',
      kind: 'EMPLOYMENT_CHANGE',
      citizenId: '310115198001010026',
      occurredOn: day('2026-11-20'),
      outcomeCode: '1',
      reviews: {
        create: [
          { caseNumber: 'DB310115-2020-0002', reviewNumber: 1, citizenId: '310115198001010026', reason: '就业状态变化：下岗', registeredOn: day('2026-11-20') },
        ],
      },
    },
  });
  await prisma.changeRecord.create({
    data: { idempotencyKey: 'delivery-2', kind: 'DIVORCE', citizenId: null, occurredOn: day('2026-11-21'), outcomeCode: '2', reason: 'no marriage in force' },
  });
  const found = await prisma.changeRecord.findUniqueOrThrow({
    where: { idempotencyKey: 'delivery-1' },
    include: { reviews: { include: { assistanceCase: true } } },
  });
  expect(found).toMatchObject({ kind: 'EMPLOYMENT_CHANGE', outcomeCode: '1', reason: null, appliedAt: expect.any(Date) });
  expect(found.reviews).toEqual([
    expect.objectContaining({ reviewNumber: 1, statusCode: '0', assistanceCase: expect.objectContaining({ applicantName: '钱芳' }) }),
  ]);
  expect(await prisma.changeRecord.findUniqueOrThrow({ where: { idempotencyKey: 'delivery-2' } })).toMatchObject({
    outcomeCode: '2',
    reason: 'no marriage in force',
  });
});

test('veteran benefits', async () => {
  const data = {
    certificateNumber: 'YF310115000001',
    citizenId: '310115195008010155',
    name: '陈卫东',
    categoryCode: '31',
    categoryName: '在乡复员军人',
    recognisedOn: day('1976-01-01'),
  };
  await prisma.veteranBenefit.create({ data });
  expect(await prisma.veteranBenefit.findUniqueOrThrow({ where: { certificateNumber: data.certificateNumber } })).toEqual(data);
});

test('marriage registrations, a party without an ID on record', async () => {
  const data = {
    certificateNumber: 'J310115-2010-000001',
    kindCode: 'IA',
    registeredOn: day('2010-05-20'),
    husbandId: null,
    husbandName: '吴刚',
    wifeId: '310115198504040663',
    wifeName: '周敏',
  };
  await prisma.marriageRegistration.create({ data });
  expect(await prisma.marriageRegistration.findMany({ where: { wifeId: '310115198504040663' } })).toEqual([data]);
});
