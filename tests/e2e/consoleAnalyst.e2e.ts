import { readFileSync } from 'node:fs';
import { SUPERGRAPH_FILE } from '@resident-graph/stack';
import { loadKey, mintUserToken } from '@resident-graph/trust';
import { launchTestBrowser, startTestStack, type TestBrowser, type TestStack } from '../support';

/**
 * The analyst view against the real statistics service. It needs `statistics` in the composed
 * supergraph: until the statistics service is merged, this suite is skipped (and says so).
 */
const hasStatistics = /^\s*statistics\(/m.test(readFileSync(SUPERGRAPH_FILE, 'utf8'));
if (!hasStatistics) process.stdout.write('consoleAnalyst: skipped, the supergraph has no `statistics` yet\n');

(hasStatistics ? describe : describe.skip)('the analyst view in a real browser', () => {
  let stack: TestStack;
  let browser: TestBrowser;

  beforeAll(async () => {
    stack = await startTestStack();
    browser = await launchTestBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stopAll();
  });

  it('builds a three-department question, charts it by grid, and marks suppressed cells', async () => {
    const page = await browser.open(stack.gatewayUrl.replace(/\/graphql$/, '/'));
    const token = await mintUserToken(
      { subject: 'analyst-1', role: 'analyst', department: null, grids: [], community: null },
      await loadKey(stack.keysDir, 'issuer', 'private'),
      { expiresIn: '1h' },
    );
    await page.getByLabel('访问令牌 Access token (JWT)').fill(token);
    await page.getByRole('button', { name: '登录 Sign in', exact: true }).click();
    await page.getByRole('heading', { name: '统计分析 Statistics' }).waitFor();
    // The builder starts with one fact of each of three departments: labour, civil affairs, family planning.
    await expect(page.getByTestId('fact-row').count()).resolves.toBe(3);
    await page.getByLabel('条件关系 Join').selectOption('any');
    await page.getByLabel(/年龄段 age band/).check();
    await page.getByRole('button', { name: '统计 Count' }).click();
    await page.getByTestId('statistics-table').waitFor({ timeout: 60_000 });
    await page.getByTestId('chart-GRID').locator('canvas').waitFor();
    await expect(page.locator('td[data-suppressed="true"]').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('td[data-suppressed="true"]').first().textContent()).resolves.toContain('已抑制');
    await browser.screenshot(page, 'analyst');
    await page.close();
  });
});
