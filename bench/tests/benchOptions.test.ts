import { parseBenchOptions } from '../src/benchOptions';

describe('parseBenchOptions', () => {
  it('defaults to a short pilot run, with no database named and the embedded one not forced', () => {
    expect(parseBenchOptions([], {})).toEqual({
      preset: 'pilot',
      duration: 4,
      warmup: 1,
      connections: 10,
      maxRequests: 50_000,
      rateLimit: 1_000_000,
      env: [],
      embedded: false,
      statisticsOnly: false,
    });
    expect(parseBenchOptions(['--embedded'], {}).embedded).toBe(true);
  });

  it('reads every option and DATABASE_URL', () => {
    const options = parseBenchOptions(
      [
        '--preset',
        'district',
        '--duration',
        '2.5',
        '--connections',
        '50',
        '--max-requests',
        '900',
        '--cpu-prof',
        '/tmp/p',
        '--env',
        'GATEWAY_WORKERS=2',
        '--env',
        'LOG_LEVEL=warn',
      ],
      { DATABASE_URL: 'postgresql://127.0.0.1/x' },
    );
    expect(options).toMatchObject({
      preset: 'district',
      duration: 2.5,
      connections: 50,
      maxRequests: 900,
      cpuProf: '/tmp/p',
      env: ['GATEWAY_WORKERS=2', 'LOG_LEVEL=warn'],
      databaseUrl: 'postgresql://127.0.0.1/x',
    });
  });

  it('names the option that is wrong', () => {
    expect(() => parseBenchOptions(['--max-requests', '0'], {})).toThrow(/--max-requests/);
    expect(() => parseBenchOptions(['--preset', 'city'], {})).toThrow(/--preset/);
    expect(() => parseBenchOptions(['--env', 'lowercase=1'], {})).toThrow(/--env/);
    expect(() => parseBenchOptions(['--nonsense'], {})).toThrow();
  });
});
