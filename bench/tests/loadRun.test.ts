import { maskCitizenId } from '@resident-graph/schemas';
import {
  citizenId,
  expectedRecord,
  flagsOf,
  hostileRequests,
  IDENTITY_KEYS,
  oneGridPopulation,
  pick,
  refusalMismatch,
  sampleResident,
  TruthIndex,
} from '@resident-graph/tests';
import { judgeAnswer, type AllowedLoss } from '../src/load/answerJudge';
import { parseLoadOptions } from '../src/load/loadOptions';

const KILLABLE = ['public-security', 'family-planning', 'labour'];

describe('parseLoadOptions', () => {
  it('defaults to 50 clients for 60 s, labour killed, every 10th answer checked', () => {
    expect(parseLoadOptions([], KILLABLE)).toEqual({
      preset: 'pilot',
      duration: 60,
      warmup: 5,
      connections: 50,
      department: 'labour',
      sampleEvery: 10,
      maxRequests: 1_000_000,
    });
  });

  it('reads the flags', () => {
    expect(parseLoadOptions(['--duration', '5', '--connections', '8', '--department', 'family-planning', '--sample-every', '3'], KILLABLE)).toMatchObject({
      duration: 5,
      connections: 8,
      department: 'family-planning',
      sampleEvery: 3,
    });
  });

  it.each([
    [['--duration', '0'], '--duration'],
    [['--duration', '601'], '--duration'],
    [['--connections', '0'], '--connections'],
    [['--department', 'civil-affairs'], '--department: must be one of public-security, family-planning, labour'],
    [['--sample-every', '0'], '--sample-every'],
  ])('refuses %j naming %s', (args, named) => {
    expect(() => parseLoadOptions(args, KILLABLE)).toThrow(named);
  });

  it('refuses an unknown flag', () => {
    expect(() => parseLoadOptions(['--clients', '5'], KILLABLE)).toThrow(/clients/);
  });
});

describe('judgeAnswer', () => {
  // Two residents with a labour record, one of them held under a mistyped ID by labour's export.
  const base = oneGridPopulation(2, {
    department: 'labour',
    birthYears: { from: 1970, span: 10 },
    typo: { at: 1, of: (id) => `${id.slice(0, 16)}99` },
    sectionOf: (index) => ({
      labour: {
        socialSecurityCardNumber: `SS${index}`,
        employmentStatus: 'EMPLOYED',
        laidOff: index === 0,
        unemploymentRegistration: null,
        insurance: [{ type: 'PENSION', paidMonths: 12, active: true }],
        skillCertificates: [],
      },
    }),
  });
  const truth = new TruthIndex(base.residents, base.street);
  const [resident] = truth.residents as [(typeof truth.residents)[number]];

  /** The answer the gateway gives when all is well, built from the truth. */
  function answerOf(id = resident.id) {
    const expected = expectedRecord(truth.byId.get(id)!, truth);
    const { issues: civilIssues, ...civil } = expected.civilAffairs;
    const flags = flagsOf(expected);
    const all = [...civilIssues, ...expected.familyPlanning.issues, ...expected.labour.issues].map((issue) => ({
      ...issue,
      storedId: maskCitizenId(issue.storedId),
    }));
    return {
      resident: {
        ...pick(expected, IDENTITY_KEYS),
        civilAffairs: { ...civil, dataQualityIssues: civilIssues },
        familyPlanning: flags.familyPlanning,
        labour: flags.labour,
        dataQualityIssues: all,
      },
    };
  }
  const LABOUR: AllowedLoss = { department: 'labour', section: 'labour' };
  const labourDown = {
    message: 'labour: connect ECONNREFUSED',
    path: ['resident', 'labour'],
    extensions: { code: 'DEPARTMENT_UNAVAILABLE', department: 'labour' },
  };
  const body = (value: unknown) => JSON.stringify(value);

  it('a whole answer that matches the truth is right; the same with one flag off is wrong, when sampled', () => {
    expect(judgeAnswer(200, body({ data: answerOf() }), true, truth, null)).toBe('right');
    const off = answerOf();
    off.resident.labour = { ...off.resident.labour, laidOff: !off.resident.labour.laidOff };
    expect(judgeAnswer(200, body({ data: off }), true, truth, null)).toBe('wrong');
    // Not sampled: only errors are looked for.
    expect(judgeAnswer(200, body({ data: off }), false, truth, null)).toBe('right');
  });

  it('a resident the truth does not hold, or an unreadable body, is wrong', () => {
    const stranger = answerOf();
    stranger.resident = { ...stranger.resident, id: citizenId('19990101', 999) };
    expect(judgeAnswer(200, body({ data: stranger }), true, truth, null)).toBe('wrong');
    expect(judgeAnswer(200, '{"data":{"resident":', true, truth, null)).toBe('wrong');
  });

  it("the allowed department's section null under its code is degraded, the rest still checked", () => {
    const lost = answerOf();
    lost.resident = {
      ...lost.resident,
      labour: null as never,
      dataQualityIssues: lost.resident.dataQualityIssues.filter((issue) => issue.department !== 'LABOUR'),
    };
    expect(judgeAnswer(200, body({ data: lost, errors: [labourDown] }), true, truth, LABOUR)).toBe('degraded');
    expect(judgeAnswer(200, body({ data: lost, errors: [labourDown] }), false, truth, LABOUR)).toBe('degraded');
    const wrongName = { resident: { ...lost.resident, name: '别人' } };
    expect(judgeAnswer(200, body({ data: wrongName, errors: [labourDown] }), true, truth, LABOUR)).toBe('wrong');
  });

  it('an error no loss explains is unexpected: none allowed, another department, another code or path, an HTTP failure', () => {
    const lost = { resident: { ...answerOf().resident, labour: null } };
    expect(judgeAnswer(200, body({ data: lost, errors: [labourDown] }), true, truth, null)).toBe('unexpected');
    const civil = { ...labourDown, path: ['resident', 'civilAffairs'], extensions: { code: 'DEPARTMENT_UNAVAILABLE', department: 'civil-affairs' } };
    expect(judgeAnswer(200, body({ data: lost, errors: [civil] }), true, truth, LABOUR)).toBe('unexpected');
    expect(
      judgeAnswer(
        200,
        body({ data: lost, errors: [{ ...labourDown, extensions: { code: 'INTERNAL_SERVER_ERROR', department: 'labour' } }] }),
        true,
        truth,
        LABOUR,
      ),
    ).toBe('unexpected');
    expect(judgeAnswer(200, body({ data: lost, errors: [{ ...labourDown, path: ['resident', 'civilAffairs'] }] }), true, truth, LABOUR)).toBe('unexpected');
    expect(judgeAnswer(500, body({ data: answerOf() }), true, truth, null)).toBe('unexpected');
  });

  it('public security lost: the resident itself null is degraded, a resident still there is wrong', () => {
    const loss: AllowedLoss = { department: 'public-security', section: null };
    const error = { message: 'down', path: ['resident'], extensions: { code: 'DEPARTMENT_TIMEOUT', department: 'public-security' } };
    expect(judgeAnswer(200, body({ data: { resident: null }, errors: [error] }), true, truth, loss)).toBe('degraded');
    expect(judgeAnswer(200, body({ data: answerOf(), errors: [error] }), true, truth, loss)).toBe('wrong');
  });

  it('checks a second resident against its own truth', () => {
    const other = truth.residents[1]!;
    expect(sampleResident(other.id).id).toBe(other.id);
    expect(judgeAnswer(200, body({ data: answerOf(other.id) }), true, truth, null)).toBe('right');
    const swapped = { resident: { ...answerOf(other.id).resident, labour: answerOf().resident.labour } };
    expect(judgeAnswer(200, body({ data: swapped }), true, truth, null)).toBe(
      answerOf().resident.labour.laidOff === answerOf(other.id).resident.labour.laidOff ? 'right' : 'wrong',
    );
  });
});

describe('refusalMismatch: a hostile request answered as documented', () => {
  const catalogue = hostileRequests({ residentId: '110105194912310025', gridId: 'G001' });
  const [aliases, megabyte] = ['100 aliases of resident', 'a megabyte body'].map((name) => catalogue.find((request) => request.name === name));
  const refusal = (code: string, message: string) => JSON.stringify({ errors: [{ message, extensions: { code } }] });

  it('passes the documented status, code and named limit', () => {
    expect(refusalMismatch(aliases!, 400, refusal('QUERY_TOO_COMPLEX', 'more than MAX_ALIASES aliases'))).toBeNull();
    expect(refusalMismatch(megabyte!, 413, refusal('QUERY_TOO_COMPLEX', 'body over MAX_BODY_BYTES'))).toBeNull();
  });

  it('names what differs: the status, the code, the limit, a body that is not JSON', () => {
    expect(refusalMismatch(aliases!, 200, JSON.stringify({ data: { r0: null } }))).toBe('100 aliases of resident: 200 no code');
    expect(refusalMismatch(aliases!, 400, refusal('BAD_USER_INPUT', 'MAX_ALIASES'))).toBe('100 aliases of resident: 400 BAD_USER_INPUT');
    expect(refusalMismatch(aliases!, 400, refusal('QUERY_TOO_COMPLEX', 'too complex'))).toBe('100 aliases of resident: the message does not name MAX_ALIASES');
    expect(refusalMismatch(megabyte!, 413, 'Payload Too Large')).toBe('a megabyte body: 413, not JSON');
  });
});
