import { combineAtCityScale } from '../src/statistics/combineAtCityScale';

describe('the combining step at scale', () => {
  it('combines every key once: as many cells as grids hold a resident with all three facts, the keys at 14 bytes a resident', async () => {
    const report = await combineAtCityScale(200_000);
    expect(report.keys).toBe(200_000);
    // 5 % × 3 % × 80 % of 200,000 is ~240 residents over 5,400 grids: most grids with one hold one.
    expect(report.cells).toBeGreaterThan(150);
    expect(report.cells).toBeLessThan(330);
    expect(report.bytesPerResident).toBeGreaterThan(14);
    expect(report.bytesPerResident).toBeLessThan(14 + 8 * 0.9);
    expect(report.ms).toBeGreaterThan(0);
  });
});
