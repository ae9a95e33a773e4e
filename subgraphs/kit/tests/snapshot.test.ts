import { snapshot } from '../src/statistics/snapshot';

describe('a department snapshot for statistics', () => {
  let clock = 0;
  let reads = 0;
  let failing = false;
  const load = async () => {
    reads++;
    if (failing) throw new Error('department down');
    return `read ${reads}`;
  };
  beforeEach(() => {
    clock = 0;
    reads = 0;
    failing = false;
  });

  it('serves one read while young, and shares a read between concurrent questions', async () => {
    const value = snapshot(1_000, load, () => clock);
    expect(await Promise.all([value(), value()])).toEqual(['read 1', 'read 1']);
    clock = 1_000;
    expect(await value()).toBe('read 1');
    expect(reads).toBe(1);
  });

  it('serves the old read while a new one runs, up to twice its age, then waits for a new one', async () => {
    const value = snapshot(1_000, load, () => clock);
    await value();
    clock = 1_500;
    expect(await value()).toBe('read 1');
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toBe(2);
    expect(await value()).toBe('read 2');
    clock = 1_500 + 2_001;
    expect(await value()).toBe('read 3');
  });

  it('fails a question when the read it waits for fails, and keeps no failed read', async () => {
    const value = snapshot(1_000, load, () => clock);
    failing = true;
    await expect(value()).rejects.toThrow('department down');
    failing = false;
    expect(await value()).toBe('read 2');
    failing = true;
    clock = 5_000;
    await expect(value()).rejects.toThrow('department down');
  });

  it('reads afresh for every question with a maximum age of 0', async () => {
    const value = snapshot(0, load, () => clock);
    await value();
    clock = 1;
    expect(await value()).toBe('read 2');
  });
});
