import { DEPARTMENTS } from '@resident-graph/registry';
import { parseNewDepartmentArgs, UsageError } from '../src';

const parse = (args: string) => parseNewDepartmentArgs(args.split(' '), DEPARTMENTS);

describe('new:department arguments', () => {
  it('reads a department, the English name defaulting to the id in words', () => {
    expect(parse('--id community-corrections --name 社区矫正 --protocol rest')).toEqual({
      id: 'community-corrections',
      zh: '社区矫正',
      en: 'community corrections',
      protocol: 'rest',
    });
    expect(parse('--id health --name 卫生健康 --name-en health --protocol soap')).toMatchObject({ en: 'health', protocol: 'soap' });
  });

  it.each([
    ['--id Community_Corrections --name x --protocol rest', 'kebab-case'],
    ['--id labour --name 劳动 --protocol rest', 'taken'],
    ['--id audit --name 审计 --protocol rest', 'taken'],
    ['--id health --name 卫生 --protocol grpc', 'rest, soap, db, csv'],
    ['--id health --protocol rest', '--name is required'],
    ['--id health --name a*/b --protocol rest', 'without backticks'],
    ['--id health --name 卫生 --protocol rest --port 1', "Unknown option '--port'"],
  ])('refuses %s, saying why', (args, why) => {
    expect(() => parse(args)).toThrow(UsageError);
    expect(() => parse(args)).toThrow(why);
  });
});
