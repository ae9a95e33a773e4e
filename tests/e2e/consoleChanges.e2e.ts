import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { todayInShanghai, type TruthResident } from '@resident-graph/schemas';
import { restartService } from '@resident-graph/stack';
import { loadKey, mintUserToken, type Caller } from '@resident-graph/trust';
import { graphql, launchTestBrowser, readTruth, requestHeaders, startTestStack, type TestBrowser, type TestStack } from '../support';

const today = () => todayInShanghai();
const ageOn = (resident: TruthResident) => Number(today().slice(0, 4)) - Number(resident.birthDate.slice(0, 4));

/**
 * Reporting a change from the console (issue 14) in real Chromium against the real stack: a
 * grid worker reports from a resident's record and follows every department to its decision,
 * a refused report says why and keeps the form, and a supervisor reads the deadlines in the
 * 督办 view. Screenshots in reports/console/.
 */
describe('reporting a change from the console, and the supervisors’ view', () => {
  let stack: TestStack;
  let browser: TestBrowser;
  let home: string;
  /** Employed, recorded cleanly by every department: an employment change is theirs to report. */
  let resident: TruthResident;
  /** A man of the same grid, unmarried, and a woman elsewhere whose marriage registration is in force. */
  let groom: TruthResident;
  let marriedWoman: TruthResident;
  let worker: Caller;
  /** The report the grid worker made, for the supervisor to find. */
  let reportId: string;
  /** Employed too, in another household: reported while labour's system is down. */
  let absentee: TruthResident;

  beforeAll(async () => {
    stack = await startTestStack({ CHANGES_RETRY_DELAY_SECONDS: '1', CHANGES_POLLING_INTERVAL_SECONDS: '0.5' });
    home = stack.gatewayUrl.replace(/\/graphql$/, '/');
    const everyone = readTruth(stack.dataDir).filter((candidate) => candidate.imperfections.length === 0);
    resident = everyone.find((candidate) => candidate.labour?.employmentStatus === 'EMPLOYED' && ageOn(candidate) < 50)!;
    expect(resident).toBeDefined();
    groom = everyone.find(
      (candidate) =>
        candidate.id !== resident.id &&
        candidate.gridId === resident.gridId &&
        candidate.gender === 'MALE' &&
        candidate.publicSecurity.maritalStatus === 'UNMARRIED' &&
        ageOn(candidate) >= 25,
    )!;
    absentee = everyone.find((candidate) => candidate.id !== resident.id && candidate.labour?.employmentStatus === 'EMPLOYED' && ageOn(candidate) < 50)!;
    expect(absentee).toBeDefined();
    marriedWoman = everyone.find((candidate) => candidate.gender === 'FEMALE' && candidate.civilAffairs?.marriages.at(-1)?.kind === 'MARRIAGE')!;
    expect(groom).toBeDefined();
    expect(marriedWoman).toBeDefined();
    worker = { subject: 'grid-worker-14', role: 'grid-worker', department: null, grids: [resident.gridId], community: null };
    browser = await launchTestBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stopAll();
  });

  async function signIn(page: Page, caller: Caller): Promise<void> {
    const token = await mintUserToken(caller, await loadKey(stack.keysDir, 'issuer', 'private'), { expiresIn: '1h' });
    await page.getByLabel('访问令牌 Access token (JWT)').fill(token);
    await page.getByRole('button', { name: '登录 Sign in', exact: true }).click();
    await page.getByTestId('who').waitFor();
  }

  /** Chooses a purpose and opens a record by ID, waiting until every panel has answered. */
  async function openRecord(page: Page, id = resident.id): Promise<void> {
    await page.getByLabel('用途 Purpose', { exact: true }).selectOption('HOME_VISIT');
    await page.getByLabel(/参考号 Reference/).fill('CHG-E2E-1');
    await page.getByLabel(/公民身份号码 Citizen ID/).fill(id);
    await page.getByRole('button', { name: '打开档案 Open record' }).click();
    await page.locator('article.record[data-open-ms]').waitFor({ timeout: 30_000 });
  }

  const form = (page: Page) => page.getByTestId('report-change');
  /** The employment status the labour panel shows. */
  const employmentShown = (page: Page) =>
    page
      .locator('section[data-panel="labour"] .field', { has: page.locator('dt', { hasText: '就业状态' }) })
      .locator('dd')
      .textContent();

  async function chooseEmploymentChange(page: Page, occurredOn: string, status = 'REGISTERED_UNEMPLOYED'): Promise<void> {
    await form(page).getByLabel('变更类型 Kind').selectOption('EMPLOYMENT_CHANGE');
    await form(page).getByLabel('发生日期 Date').fill(occurredOn);
    await form(page).getByLabel('就业状态 Status').selectOption(status);
  }

  it('refuses a change dated in the future, saying why with its code, and keeps what was typed', async () => {
    const page = await browser.open(home);
    await signIn(page, worker);
    await openRecord(page);
    const future = `${Number(today().slice(0, 4)) + 1}${today().slice(4)}`;
    await chooseEmploymentChange(page, future);
    await form(page).getByRole('button', { name: '提交报告 Report' }).click();

    const refused = page.getByTestId('report-refused');
    await refused.waitFor({ timeout: 30_000 });
    await expect(refused.getAttribute('data-code')).resolves.toBe('BAD_USER_INPUT');
    await expect(refused.textContent()).resolves.toContain(`occurredOn ${future} is in the future`);
    await expect(form(page).getByLabel('变更类型 Kind').inputValue()).resolves.toBe('EMPLOYMENT_CHANGE');
    await expect(form(page).getByLabel('发生日期 Date').inputValue()).resolves.toBe(future);
    await expect(form(page).getByLabel('就业状态 Status').inputValue()).resolves.toBe('REGISTERED_UNEMPLOYED');
    await expect(page.getByTestId('report-status').count()).resolves.toBe(0);
    await browser.screenshot(page, 'report-change-refused');
    await page.close();
  });

  it('refuses a marriage to a woman whose marriage registration is in force, with civil affairs’ reason', async () => {
    const page = await browser.open(home);
    await signIn(page, worker);
    await openRecord(page, groom.id);
    await form(page).getByLabel('变更类型 Kind').selectOption('MARRIAGE');
    await form(page)
      .getByLabel(/配偶身份证号 Spouse/)
      .fill(marriedWoman.id);
    await expect(page.getByText('校验位正确 ✓').count()).resolves.toBe(1);
    await form(page).getByRole('button', { name: '提交报告 Report' }).click();

    const refused = page.getByTestId('report-refused');
    await refused.waitFor({ timeout: 30_000 });
    await expect(refused.getAttribute('data-code')).resolves.toBe('BAD_USER_INPUT');
    await expect(refused.textContent()).resolves.toContain(`${marriedWoman.id} has a marriage registration in force`);
    await expect(
      form(page)
        .getByLabel(/配偶身份证号 Spouse/)
        .inputValue(),
    ).resolves.toBe(marriedWoman.id);
    await browser.screenshot(page, 'report-change-marriage-refused');
    await page.close();
  });

  it('lets a grid worker report an employment change from the record, follows it until labour and civil affairs accept, and shows the new status', async () => {
    const page = await browser.open(home);
    await signIn(page, worker);
    await openRecord(page);
    // The labour stand-in keeps its journal in the generated data every run of this checkout
    // shares, so an earlier run may have registered them unemployed already: report the other way then.
    const unemployed = (await employmentShown(page)) === '登记失业';
    const [newStatus, shown] = unemployed ? ['EMPLOYED', '就业'] : ['REGISTERED_UNEMPLOYED', '登记失业'];
    expect(await browser.blockingAccessibilityViolations(page, 'report-change form')).toEqual([]);

    await chooseEmploymentChange(page, today(), newStatus);
    const reported = page.waitForResponse((response) => response.request().postData()?.includes('mutation ReportChange(') === true);
    await form(page).getByRole('button', { name: '提交报告 Report' }).click();
    const { variables } = JSON.parse((await reported).request().postData()!) as { variables: { input: unknown } };
    expect(variables.input).toEqual({
      kind: 'EMPLOYMENT_CHANGE',
      residentId: resident.id,
      occurredOn: today(),
      employment: { status: newStatus },
    });

    const status = page.getByTestId('report-status');
    await status.waitFor({ timeout: 30_000 });
    reportId = (await status.getAttribute('data-report'))!;
    await status.locator('xpath=self::*[@data-settled="true"]').waitFor({ timeout: 45_000 });
    const rows = status.locator('tbody tr');
    await expect(rows.evaluateAll((cells) => cells.map((row) => [row.getAttribute('data-department'), row.getAttribute('data-state')]))).resolves.toEqual([
      ['LABOUR', 'ACCEPTED'],
      ['CIVIL_AFFAIRS', 'ACCEPTED'],
    ]);
    for (const text of await rows.allTextContents()) {
      expect(text).toContain('已办结 Accepted');
      expect(text).toContain('绿灯 · 按时 Green');
    }
    expect(await browser.blockingAccessibilityViolations(page, 'report-change deliveries')).toEqual([]);
    await browser.screenshot(page, 'report-change-accepted');

    // After a reload (the session is kept for the tab) the record is read again: labour has the new status.
    await page.reload();
    await page.getByTestId('who').waitFor();
    await openRecord(page);
    await expect(employmentShown(page)).resolves.toBe(shown);
    await page.close();
  });

  it('shows a supervisor the reports with their departments’ deadlines and lights, filtered by department', async () => {
    const page = await browser.open(home);
    await signIn(page, { subject: 'supervisor-14', role: 'auditor', department: null, grids: [], community: null });
    await page.getByRole('button', { name: '督办 Supervision' }).click();
    const report = page.locator(`[data-testid="change-reports"] > li[data-report="${reportId}"]`);
    await report.waitFor({ timeout: 30_000 });
    await expect(report.getAttribute('data-light')).resolves.toBe('GREEN');
    await expect(report.textContent()).resolves.toContain('就业变化 Employment change');
    await expect(report.textContent()).resolves.toContain('绿灯 · 按时 Green');
    await expect(report.locator('tbody tr').evaluateAll((cells) => cells.map((row) => row.getAttribute('data-department')))).resolves.toEqual([
      'LABOUR',
      'CIVIL_AFFAIRS',
    ]);
    // Supervisors watch deadlines, not people: whom the report is about is not on the page.
    await expect(page.locator('main').textContent()).resolves.not.toContain(resident.id);
    expect(await browser.blockingAccessibilityViolations(page, 'supervision')).toEqual([]);
    await browser.screenshot(page, 'supervision');

    const filtered = (department: string) =>
      page.waitForResponse(
        (response) =>
          response.request().postData()?.includes('query ChangeReports(') === true &&
          (JSON.parse(response.request().postData()!) as { variables: { filter: { department: string | null } } }).variables.filter.department === department,
      );
    const byLabour = filtered('LABOUR');
    await page.getByLabel('部门 Department').selectOption('LABOUR');
    await byLabour;
    await report.waitFor();
    const byGrid = filtered('GRID');
    await page.getByLabel('部门 Department').selectOption('GRID');
    await byGrid;
    await page.getByTestId('supervision-count').filter({ hasText: '共 0 份报告' }).waitFor();
    await expect(report.count()).resolves.toBe(0);
    await browser.screenshot(page, 'supervision-filtered');
    await page.close();
  });

  it('puts a department that stays down past its time limit first, red, in the supervisors’ list and under the red filter; green and late once it is back', async () => {
    const supervisor: Caller = { subject: 'supervisor-14', role: 'auditor', department: null, grids: [], community: null };
    const read = async (id: string) =>
      (
        await graphql<{ changeReport: { deliveries: { department: string; state: string }[] } }>(
          stack.gatewayUrl,
          'query ($id: ID!) { changeReport(id: $id) { deliveries { department state } } }',
          { id },
          await requestHeaders(stack, supervisor, 'SUPERVISION'),
        )
      ).data!.changeReport;
    const labourStandIn = `http://127.0.0.1:${stack.ports.standIns['labour']!}/health`;
    const twelveDaysAgo = todayInShanghai(new Date(Date.now() - 12 * 24 * 60 * 60 * 1000));
    await stack.services.get('labour-stand-in')!.stop();
    let id: string;
    try {
      const answer = await graphql<{ reportChange: { id: string } }>(
        stack.gatewayUrl,
        'mutation ($input: ChangeReportInput!) { reportChange(input: $input) { id } }',
        { input: { kind: 'EMPLOYMENT_CHANGE', residentId: absentee.id, occurredOn: twelveDaysAgo, employment: { status: 'REGISTERED_UNEMPLOYED' } } },
        await requestHeaders(stack, { ...worker, grids: [absentee.gridId] }, 'HOME_VISIT:CHG-E2E-2'),
      );
      expect(answer.errors).toBeUndefined();
      id = answer.data!.reportChange.id;
      // Labour's system stays down for eleven days: the report moved back by that much, past labour's ten.
      const database = new Client({ connectionString: stack.databaseUrl });
      await database.connect();
      try {
        await database.query(`UPDATE changes.change_report SET reported_at = reported_at - interval '11 days' WHERE id = $1`, [id]);
        await database.query(`UPDATE changes.change_delivery SET due_by = due_by - interval '11 days' WHERE report_id = $1`, [id]);
      } finally {
        await database.end();
      }
      expect((await read(id)).deliveries.find((delivery) => delivery.department === 'LABOUR')?.state).toBe('PENDING');

      const page = await browser.open(home);
      await signIn(page, supervisor);
      await page.getByRole('button', { name: '督办 Supervision' }).click();
      const first = page.locator('[data-testid="change-reports"] > li').first();
      await first.waitFor({ timeout: 30_000 });
      await expect(first.getAttribute('data-report')).resolves.toBe(id);
      await expect(first.getAttribute('data-light')).resolves.toBe('RED');
      await expect(first.locator('h2').textContent()).resolves.toContain('红灯 · 已超时 Red');
      await expect(
        first
          .locator('tbody tr')
          .evaluateAll((rows) =>
            rows.map((row) => [
              row.getAttribute('data-department'),
              row.getAttribute('data-state'),
              row.querySelector('[data-light]')?.getAttribute('data-light'),
            ]),
          ),
      ).resolves.toEqual([
        ['LABOUR', 'PENDING', 'RED'],
        ['CIVIL_AFFAIRS', expect.stringMatching(/^(PENDING|DELIVERED|ACCEPTED)$/), 'GREEN'],
      ]);
      await page.getByLabel('督办灯 Light').selectOption('RED');
      await page.getByTestId('supervision-count').filter({ hasText: '共 1 份报告' }).waitFor();
      await expect(first.getAttribute('data-report')).resolves.toBe(id);
      expect(await browser.blockingAccessibilityViolations(page, 'supervision, red')).toEqual([]);
      await browser.screenshot(page, 'supervision-red');
      await page.close();
    } finally {
      await restartService(stack.services, 'labour-stand-in', labourStandIn);
    }

    const deadline = Date.now() + 90_000;
    while ((await read(id)).deliveries.some((delivery) => delivery.state !== 'ACCEPTED') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 500));
    const page = await browser.open(home);
    await signIn(page, supervisor);
    await page.getByRole('button', { name: '督办 Supervision' }).click();
    const report = page.locator(`[data-testid="change-reports"] > li[data-report="${id}"]`);
    await report.waitFor({ timeout: 30_000 });
    await expect(report.getAttribute('data-light')).resolves.toBe('GREEN');
    await expect(report.locator('tbody tr[data-department="LABOUR"]').textContent()).resolves.toContain('超时办结 late');
    await page.close();
  });
});
