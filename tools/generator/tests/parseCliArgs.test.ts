import { DEFAULT_SEED } from '../src';
import { parseCliArgs } from '../src/parseCliArgs';

describe('parseCliArgs', () => {
  it('reads preset, output folder and seed', () => {
    expect(parseCliArgs(['--preset', 'district', '--out', '/tmp/x', '--seed', '42'])).toEqual({ preset: 'district', out: '/tmp/x', seed: 42 });
  });

  it('defaults to the pilot preset and the fixed seed', () => {
    expect(parseCliArgs(['--out', 'data'])).toEqual({ preset: 'pilot', out: 'data', seed: DEFAULT_SEED });
  });

  it.each([
    [['--preset', 'city', '--out', 'x'], /unknown preset "city"/],
    [['--preset', 'pilot'], /--out DIR is required/],
    [['--out', 'x', '--seed', 'abc'], /--seed must be an integer/],
    [['--out', 'x', '--colour', 'red'], /colour/],
  ])('rejects %j with the usage line', (args, message) => {
    expect(() => parseCliArgs(args)).toThrow(message);
    expect(() => parseCliArgs(args)).toThrow(/usage: npm run generate/);
  });
});
