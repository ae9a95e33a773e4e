import type { Page } from 'playwright-core';
import { todayInShanghai, type TruthResident } from '@resident-graph/schemas';
import { loadKey, mintUserToken, type Caller } from '@resident-graph/trust';
import { graphql, launchTestBrowser, readStreet, requestHeaders, readTruth, startTestStack, TruthIndex, type TestBrowser, type TestStack } from '../support';

/**
 * The console in real Chromium against the real stack: the front-line, officer and auditor
 * scenarios of issue 12, each leaving a screenshot in reports/console/.
 */
const GRID = 'G001';
const REFERENCE = 'E2E-家访-7';
const WARM_UP_QUERY =
  'query($id: CitizenId!) { resident(id: $id) { id civilAffairs { onRecord } familyPlanning { onRecord } labour { onRecord } grid { id } } }';

describe('the console in a real browser', () => {
  let stack: TestStack;
  let browser: TestBrowser;
  let truth: TruthIndex;
  let home: string;
  /** A resident of the worker's grid with a household of several members and a civil-affairs record. */
  let resident: TruthResident;
  /** Someone who lives in another grid. */
  let outsider: TruthResident;
  const openTimes: number[] = [];

  beforeAll(async () => {
    stack = await startTestStack({ CONSOLE_DEV_SIGN_IN: '1' });
    home = stack.gatewayUrl.replace(/\/graphql$/, '/');
    truth = new TruthIndex(readTruth(stack.dataDir), readStreet(stack.dataDir));
    const names = new Map<string, number>();
    for (const person of truth.residents.filter((r) => r.grid.gridId === GRID)) names.set(person.name, (names.get(person.name) ?? 0) + 1);
    resident = truth.residents.find(
      (r) =>
        r.grid.gridId === GRID &&
        names.get(r.name) === 1 &&
        r.civilAffairs !== null &&
        r.labour !== null &&
        r.publicSecurity.householdId !== null &&
        (truth.householdMembers.get(r.publicSecurity.householdId)?.length ?? 0) >= 3 &&
        r.imperfections.length === 0,
    )!;
    outsider = truth.residents.find((r) => r.grid.gridId !== GRID && r.grid.gridId !== null)!;
    expect(resident).toBeDefined();
    // The adapters read their invalid-ID lists on first use: that is start-up, not opening a record.
    const warmUp: Caller = { subject: 'warm-up', role: 'grid-worker', department: null, grids: [GRID], community: null };
    await graphql(stack.gatewayUrl, WARM_UP_QUERY, { id: resident.id }, await requestHeaders(stack, warmUp, 'HOME_VISIT'));
    browser = await launchTestBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stopAll();
  });

  async function tokenFor(caller: Caller): Promise<string> {
    return mintUserToken(caller, await loadKey(stack.keysDir, 'issuer', 'private'), { expiresIn: '1h' });
  }

  async function signInWithToken(page: Page, caller: Caller): Promise<void> {
    await page.getByLabel('访问令牌 Access token (JWT)').fill(await tokenFor(caller));
    await page.getByRole('button', { name: '登录 Sign in', exact: true }).click();
    await page.getByTestId('who').waitFor();
  }

  async function devSignInAsGridWorker(page: Page): Promise<void> {
    await page.getByText('仅限开发环境 / development only').first().waitFor();
    await page.getByLabel('角色 Role').selectOption('grid-worker');
    await page.getByLabel(/网格 Grids/).fill(GRID);
    await page.getByRole('button', { name: '登录（开发） Sign in' }).click();
    await page.getByTestId('who').waitFor();
  }

  async function choosePurpose(page: Page, code: string, reference = ''): Promise<void> {
    await page.getByLabel('用途 Purpose', { exact: true }).selectOption(code);
    if (reference) await page.getByLabel(/参考号 Reference/).fill(reference);
  }

  /** Opens a record by ID and waits until every panel has answered; returns the page's own measure of that. */
  async function openById(page: Page, id: string): Promise<number> {
    await page.getByLabel(/公民身份号码 Citizen ID/).fill(id);
    await page.getByRole('button', { name: '打开档案 Open record' }).click();
    return recordOpened(page);
  }

  async function recordOpened(page: Page): Promise<number> {
    const record = page.locator('article.record[data-open-ms]');
    await record.waitFor({ timeout: 30_000 });
    return Number(await record.getAttribute('data-open-ms'));
  }

  /**
   * A name held by residents of the worker's grid and by someone elsewhere, with the IDs a
   * search for it must list there: every resident of the grid whose name contains it.
   */
  function namesakes(): { name: string; inGrid: string[]; elsewhere: string } {
    const inGridNames = new Set(truth.residents.filter((r) => r.grid.gridId === GRID).map((r) => r.name));
    const elsewhere = truth.residents.find((r) => r.grid.gridId !== GRID && inGridNames.has(r.name))!;
    expect(elsewhere).toBeDefined();
    const inGrid = truth.residents.filter((r) => r.grid.gridId === GRID && r.name.includes(elsewhere.name)).map((r) => r.id);
    return { name: elsewhere.name, inGrid, elsewhere: elsewhere.id };
  }

  /** Searches by name as the console does, checking it asks the server's search once; returns the IDs listed. */
  async function searchByName(page: Page, name: string): Promise<string[]> {
    await page.getByLabel(/姓名 Name/).fill(name);
    const searched = page.waitForRequest((request) => request.postData()?.includes('residentsByName') === true);
    await page.getByRole('button', { name: '按姓名查找 Search' }).click();
    expect(JSON.parse((await searched).postData()!).variables).toEqual({ name, first: 50 });
    const hits = page.getByTestId('name-hits');
    await hits.waitFor({ timeout: 30_000 });
    return hits.locator('li .mono').allTextContents();
  }

  const panel = (page: Page, department: string) => page.locator(`section[data-panel="${department}"]`);

  it('signs a grid worker in (development sign-in), finds a resident of their grid by ID with every panel, and marks details as withheld', async () => {
    const page = await browser.open(home);
    await page.getByLabel('角色 Role').waitFor();
    expect(await browser.blockingAccessibilityViolations(page, 'sign-in')).toEqual([]);
    await devSignInAsGridWorker(page);
    await expect(page.getByTestId('who').textContent()).resolves.toContain('网格员');
    await expect(page.getByTestId('who').textContent()).resolves.toContain(GRID);

    // No record opens before a purpose is chosen.
    await page.getByLabel(/公民身份号码 Citizen ID/).fill(resident.id);
    await expect(page.getByRole('button', { name: '打开档案 Open record' }).isDisabled()).resolves.toBe(true);
    // The check digit is checked as you type.
    const wrongCheck = resident.id.slice(0, 17) + (resident.id[17] === '0' ? '1' : '0');
    await page.getByLabel(/公民身份号码 Citizen ID/).fill(wrongCheck);
    await expect(page.getByTestId('id-status').textContent()).resolves.toContain('校验位不正确');

    await choosePurpose(page, 'HOME_VISIT', REFERENCE);
    const started = Date.now();
    const openMs = await openById(page, resident.id);
    const wallMs = Date.now() - started;
    openTimes.push(openMs);
    process.stdout.write(`console: record opened in ${openMs} ms (page measure; ${wallMs} ms from click in the test)\n`);

    for (const department of ['public-security', 'grid', 'civil-affairs', 'family-planning', 'labour']) {
      await expect(panel(page, department).getAttribute('data-state')).resolves.toBe('ready');
    }
    await expect(panel(page, 'public-security').textContent()).resolves.toContain(resident.name);
    await expect(panel(page, 'grid').textContent()).resolves.toContain(GRID);
    await expect(page.getByTestId('record-purpose').textContent()).resolves.toContain(REFERENCE);
    // Case details are withheld from a grid worker, and said so; not shown as missing.
    await expect(panel(page, 'civil-affairs').locator('[data-withheld="true"]').count()).resolves.toBeGreaterThan(0);
    // Household members are links to their own records.
    const members = truth.householdMembers.get(resident.publicSecurity.householdId!)!;
    const other = members.find((member) => member.id !== resident.id)!;
    await expect(panel(page, 'public-security').getByRole('button', { name: other.name }).count()).resolves.toBe(1);
    await browser.screenshot(page, 'record-grid-worker');
    expect(await browser.blockingAccessibilityViolations(page, 'record')).toEqual([]);
    // Generous: the 1 s target is reported above, not timed here on a loaded test machine.
    expect(openMs).toBeLessThan(10_000);

    await page.setViewportSize({ width: 390, height: 844 });
    await browser.screenshot(page, 'record-phone');
    await page.getByRole('button', { name: '退出 Sign out' }).click();
    await page.getByLabel('访问令牌 Access token (JWT)').waitFor();
    await page.close();
  });

  it('finds a resident by name within the grid, converts a 15-digit ID, and refuses a resident of another grid', async () => {
    const page = await browser.open(home);
    await devSignInAsGridWorker(page);
    await choosePurpose(page, 'HOME_VISIT', REFERENCE);
    // One request to the server's search, which keeps to the worker's grid: a namesake elsewhere is not listed.
    const { name: sharedName, inGrid, elsewhere } = namesakes();
    const hitIds = await searchByName(page, sharedName);
    expect(hitIds.sort()).toEqual(inGrid.sort());
    expect(hitIds).not.toContain(elsewhere);

    await searchByName(page, resident.name);
    await page.getByTestId('name-hits').getByRole('button', { name: resident.name }).click();
    openTimes.push(await recordOpened(page));
    await expect(panel(page, 'public-security').textContent()).resolves.toContain(resident.name);
    await browser.screenshot(page, 'find-by-name');

    // A 15-digit ID (someone born in the 1900s) is shown converted before the record opens.
    await page.getByRole('button', { name: '← 返回 Back' }).click();
    const older = truth.residents.find((r) => r.grid.gridId === GRID && r.id.slice(6, 8) === '19')!;
    const fifteen = older.id.slice(0, 6) + older.id.slice(8, 17);
    await page.getByLabel(/公民身份号码 Citizen ID/).fill(fifteen);
    await expect(page.getByTestId('id-status').textContent()).resolves.toContain(older.id);
    await page.getByRole('button', { name: '打开档案 Open record' }).click();
    await recordOpened(page);
    await expect(page.locator('.converted').textContent()).resolves.toContain(fifteen);

    await page.getByRole('button', { name: '← 返回 Back' }).click();
    await page.getByLabel(/公民身份号码 Citizen ID/).fill(outsider.id);
    await page.getByRole('button', { name: '打开档案 Open record' }).click();
    const refusal = page.locator('.notice.refused');
    await refusal.waitFor({ timeout: 30_000 });
    await expect(refusal.getAttribute('data-code')).resolves.toBe('OUT_OF_JURISDICTION');
    await expect(refusal.textContent()).resolves.toContain('不在您的辖区内');
    await browser.screenshot(page, 'out-of-grid-refused');
    await page.close();
  });

  it("lets a window clerk find a resident of their community by name, across the community's grids", async () => {
    const community = truth.street.grids.find((grid) => grid.id === GRID)!.communityId;
    const page = await browser.open(home);
    await signInWithToken(page, { subject: 'clerk-1', role: 'window-clerk', department: null, grids: [], community });
    await expect(page.getByTestId('who').textContent()).resolves.toContain('社区事务受理窗口');
    await choosePurpose(page, 'SERVICE_APPLICATION', '受理-0001');
    expect(await searchByName(page, resident.name)).toContain(resident.id);
    await page.getByTestId('name-hits').getByRole('button', { name: resident.name }).first().click();
    await recordOpened(page);
    await expect(page.locator('article.record').getAttribute('data-resident')).resolves.toBe(resident.id);
    await expect(panel(page, 'civil-affairs').getAttribute('data-state')).resolves.toBe('ready');
    await browser.screenshot(page, 'record-window-clerk');
    await page.close();
  });

  it('says in plain words when a department holds the resident under an old 15-digit ID', async () => {
    const legacy = truth.residents.find(
      (r) => r.grid.gridId === GRID && r.imperfections.some((i) => i.department === 'civil-affairs' && i.kind === 'ID_15_DIGIT'),
    )!;
    const page = await browser.open(home);
    await devSignInAsGridWorker(page);
    await choosePurpose(page, 'DATA_CORRECTION');
    await openById(page, legacy.id);
    const issue = panel(page, 'civil-affairs').getByTestId('quality-issue');
    await expect(issue.textContent()).resolves.toContain('民政部门仍以旧的15位身份证号');
    await expect(issue.textContent()).resolves.toContain('civil affairs holds this person under an old 15-digit ID');
    await browser.screenshot(page, 'data-quality');
    await page.close();
  });

  it("pages a grid's roster forward, filters it by category, and opens a record from the keyboard", async () => {
    const page = await browser.open(home);
    await devSignInAsGridWorker(page);
    await page.getByRole('button', { name: '网格名册 Roster' }).click();
    await choosePurpose(page, 'HOME_VISIT');
    const rows = page.locator('table.roster-table tbody tr');
    await rows.first().waitFor({ timeout: 30_000 });
    await expect(rows.count()).resolves.toBe(50);
    const firstPage = await rows.first().getAttribute('data-resident');
    await page.getByRole('button', { name: '下一页 Next →' }).click();
    await page.getByTestId('roster-page').filter({ hasText: '第 2 页' }).waitFor();
    await rows.first().waitFor();
    await expect(rows.first().getAttribute('data-resident')).resolves.not.toBe(firstPage);

    await page.getByLabel('分类筛选 Category').selectOption('ELDERLY');
    const elderly = await rows.count();
    expect(elderly).toBeGreaterThan(0);
    for (let i = 0; i < elderly; i++) await expect(rows.nth(i).textContent()).resolves.toContain('老年');
    await browser.screenshot(page, 'roster-filtered');
    expect(await browser.blockingAccessibilityViolations(page, 'roster')).toEqual([]);

    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    const focused = await page.locator('tr:focus').getAttribute('data-resident');
    expect(focused).toBe(await rows.nth(1).getAttribute('data-resident'));
    await page.keyboard.press('Enter');
    await recordOpened(page);
    await expect(page.locator('article.record').getAttribute('data-resident')).resolves.toBe(focused);
    await page.close();
  });

  it("shows a civil-affairs officer their own section's details and only the flags of the others", async () => {
    const page = await browser.open(home);
    await signInWithToken(page, { subject: 'officer-minzheng-1', role: 'department-officer', department: 'civil-affairs', grids: [GRID], community: null });
    await choosePurpose(page, 'CASE_REVIEW', 'MZ-2026-001');
    await openById(page, resident.id);
    await panel(page, 'civil-affairs').getByTestId('civil-affairs-details').waitFor();
    await expect(panel(page, 'civil-affairs').locator('[data-withheld="true"]').count()).resolves.toBe(0);
    for (const other of ['family-planning', 'labour']) {
      await expect(panel(page, other).getAttribute('data-state')).resolves.toBe('ready');
      await expect(panel(page, other).locator('[data-withheld="true"]').count()).resolves.toBeGreaterThan(0);
    }
    await expect(panel(page, 'labour').getByTestId('labour-details').count()).resolves.toBe(0);
    await browser.screenshot(page, 'record-civil-affairs-officer');
    await page.close();
  });

  it('lets an auditor find the reads just made by user, by day and by resident, with who, role and purpose', async () => {
    const today = todayInShanghai();
    const page = await browser.open(home);
    await signInWithToken(page, { subject: 'auditor-1', role: 'auditor', department: null, grids: [], community: null });
    const log = page.getByTestId('access-log');
    const search = async (filters: { id?: string; user?: string; from?: string; to?: string }) => {
      await page.getByLabel('居民身份证号 Resident ID').fill(filters.id ?? '');
      await page.getByLabel('用户 User').fill(filters.user ?? '');
      await page.getByLabel('自 From').fill(filters.from ?? '');
      await page.getByLabel('至 To').fill(filters.to ?? '');
      const answered = page.waitForResponse((response) => response.request().postData()?.includes('query AccessLog(') === true);
      await page.getByRole('button', { name: '查询 Search' }).click();
      const { variables } = JSON.parse((await answered).request().postData()!) as { variables: Record<string, unknown> };
      return variables;
    };
    const rows = () => log.locator('tbody tr').allTextContents();

    // By user and day, on the server: every entry listed is that user's, today.
    expect(await search({ user: 'dev-grid-worker', from: today, to: today })).toMatchObject({
      subject: 'dev-grid-worker',
      from: today,
      to: today,
      residentId: null,
    });
    await log.waitFor({ timeout: 30_000 });
    const byUser = await rows();
    expect(byUser.length).toBeGreaterThan(0);
    for (const row of byUser) expect(row).toContain('dev-grid-worker');
    expect(byUser.some((row) => row.includes('入户走访') && row.includes(REFERENCE) && row.includes(resident.id))).toBe(true);
    expect(byUser.join('')).not.toContain('officer-minzheng-1');
    expect(await browser.blockingAccessibilityViolations(page, 'auditor')).toEqual([]);
    await browser.screenshot(page, 'audit-log-by-user');

    // By resident: both readers, with their purposes.
    expect(await search({ id: resident.id })).toMatchObject({ residentId: resident.id, subject: null, from: null, to: null });
    await log.locator('tbody tr', { hasText: 'officer-minzheng-1' }).first().waitFor();
    const text = (await log.textContent()) ?? '';
    expect(text).toContain('dev-grid-worker');
    expect(text).toContain('入户走访');
    expect(text).toContain(REFERENCE);
    expect(text).toContain('officer-minzheng-1');
    expect(text).toContain('个案审核');
    const chain = page.getByTestId('chain-status');
    await chain.locator('xpath=self::*[@data-intact]').waitFor({ timeout: 30_000 });
    await expect(chain.getAttribute('data-intact')).resolves.toBe('true');
    await expect(chain.textContent()).resolves.toContain('完整');
    await browser.screenshot(page, 'audit-log');

    // A day before any of today's reads finds none of them; a range that ends before it starts is refused, saying why.
    const yesterday = new Date(Date.parse(`${today}T12:00:00+08:00`) - 24 * 3600 * 1000).toISOString().slice(0, 10);
    await search({ user: 'dev-grid-worker', from: yesterday, to: yesterday });
    await log.locator('caption').filter({ hasText: '共 0 条' }).waitFor();
    await search({ user: 'dev-grid-worker', from: today, to: yesterday });
    await expect(page.getByRole('alert').textContent()).resolves.toContain(`from (${today}) must not be after to (${yesterday})`);
    await page.close();
  });

  it("lists a case's open review for a civil-affairs officer once an employment change of one of its members is accepted", async () => {
    const member = truth.residents.find(
      (r) =>
        r.grid.gridId === GRID &&
        r.imperfections.length === 0 &&
        r.labour !== null &&
        (r.civilAffairs?.allowanceCases.some((c) => c.status === 'ACTIVE') ?? false),
    )!;
    expect(member).toBeDefined();
    const caseNumber = member.civilAffairs!.allowanceCases.find((c) => c.status === 'ACTIVE')!.caseNumber;
    const status = member.labour!.employmentStatus === 'EMPLOYED' ? 'REGISTERED_UNEMPLOYED' : 'EMPLOYED';
    const reason = { EMPLOYED: '就业状态变化：就业', REGISTERED_UNEMPLOYED: '就业状态变化：登记失业' }[status];
    const today = todayInShanghai();
    const worker: Caller = { subject: 'grid-worker-reporting', role: 'grid-worker', department: null, grids: [GRID], community: null };
    const reported = await graphql<{ reportChange: { id: string } }>(
      stack.gatewayUrl,
      'mutation ($input: ChangeReportInput!) { reportChange(input: $input) { id } }',
      { input: { kind: 'EMPLOYMENT_CHANGE', residentId: member.id, occurredOn: today, employment: { status } } },
      await requestHeaders(stack, worker, 'HOME_VISIT:E2E-EMPLOYMENT-1'),
    );
    expect(reported.errors).toBeUndefined();
    const supervisor = await requestHeaders(stack, { subject: 'supervisor-1', role: 'auditor', department: null, grids: [], community: null }, 'SUPERVISION');
    const civilAffairsState = async () => {
      const read = await graphql<{ changeReport: { deliveries: { department: string; state: string }[] } }>(
        stack.gatewayUrl,
        'query ($id: ID!) { changeReport(id: $id) { deliveries { department state } } }',
        { id: reported.data!.reportChange.id },
        supervisor,
      );
      return read.data?.changeReport.deliveries.find((delivery) => delivery.department === 'CIVIL_AFFAIRS')?.state;
    };
    for (const deadline = Date.now() + 60_000; (await civilAffairsState()) === 'PENDING' && Date.now() < deadline;)
      await new Promise((r) => setTimeout(r, 300));
    await expect(civilAffairsState()).resolves.toBe('ACCEPTED');

    const page = await browser.open(home);
    await signInWithToken(page, { subject: 'officer-minzheng-2', role: 'department-officer', department: 'civil-affairs', grids: [GRID], community: null });
    await choosePurpose(page, 'CASE_REVIEW', 'MZ-2026-002');
    await openById(page, member.id);
    const details = panel(page, 'civil-affairs').getByTestId('civil-affairs-details');
    await details.waitFor();
    const review = details.locator('li', { hasText: reason });
    await expect(review.count()).resolves.toBe(1);
    await expect(review.textContent()).resolves.toContain(caseNumber);
    await browser.screenshot(page, 'record-civil-affairs-review');
    await page.close();
  });

  it("shows a stopped department's notice in its own panel while the other panels show their data", async () => {
    await stack.services.get('labour-stand-in')!.stop();
    const page = await browser.open(home);
    await devSignInAsGridWorker(page);
    await choosePurpose(page, 'HOME_VISIT');
    await openById(page, resident.id);
    await expect(panel(page, 'labour').getAttribute('data-state')).resolves.toBe('notice');
    await expect(panel(page, 'labour').locator('.notice').getAttribute('data-code')).resolves.toMatch(/^DEPARTMENT_(UNAVAILABLE|TIMEOUT)$/);
    for (const department of ['public-security', 'grid', 'civil-affairs', 'family-planning']) {
      await expect(panel(page, department).getAttribute('data-state')).resolves.toBe('ready');
    }
    await browser.screenshot(page, 'department-down');
    await page.close();
    process.stdout.write(`console: record open times (ms): ${openTimes.join(', ')}\n`);
  });
});
