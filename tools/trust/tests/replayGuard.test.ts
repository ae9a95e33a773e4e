import { Redis } from 'ioredis';
import { memoryReplayGuard, redisReplayGuard, type ReplayGuard } from '../src/replayGuard';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const freshId = () => `test-${process.pid}-${Math.random().toString(36).slice(2)}`;

describe('the Redis replay guard', () => {
  let guard: ReplayGuard;
  let redis: Redis;
  beforeEach(() => {
    guard = redisReplayGuard(REDIS_URL);
    redis = new Redis(REDIS_URL);
  });
  afterEach(async () => {
    await guard.close();
    redis.disconnect();
  });

  it('claims a context id once, under the project’s own key prefix and for the time given', async () => {
    const id = freshId();
    expect(await guard.firstUse(id, 60_000)).toBe(true);
    expect(await guard.firstUse(id, 60_000)).toBe(false);
    const key = `resident-graph:gateway-context:${id}`;
    expect(await redis.exists(key)).toBe(1);
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
    await redis.del(key);
  });

  it('answers no more once closed', async () => {
    await guard.close();
    await expect(guard.firstUse(freshId(), 60_000)).rejects.toThrow();
  });
});

describe('the in-memory replay guard', () => {
  it('claims a context id once', async () => {
    const guard = memoryReplayGuard(100);
    expect(await guard.firstUse('a', 60_000)).toBe(true);
    expect(await guard.firstUse('a', 60_000)).toBe(false);
    expect(await guard.firstUse('b', 60_000)).toBe(true);
  });

  it('forgets a context id once its time is over', async () => {
    const guard = memoryReplayGuard(100);
    expect(await guard.firstUse('a', 20)).toBe(true);
    await sleep(200);
    expect(await guard.firstUse('a', 60_000)).toBe(true);
  });

  it('holds at most its number of ids, forgetting the oldest first', async () => {
    const guard = memoryReplayGuard(3);
    for (const id of ['a', 'b', 'c', 'd']) expect(await guard.firstUse(id, 60_000)).toBe(true);
    expect(await guard.firstUse('d', 60_000)).toBe(false);
    expect(await guard.firstUse('b', 60_000)).toBe(false);
    expect(await guard.firstUse('a', 60_000)).toBe(true);
  });

  it('forgets every context id when closed', async () => {
    const guard = memoryReplayGuard(100);
    await guard.firstUse('a', 60_000);
    await guard.close();
    expect(await guard.firstUse('a', 60_000)).toBe(true);
  });
});
