import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AxeResults, Result } from 'axe-core';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from '@resident-graph/stack';

/** Debian's Chromium (`.ci/run` installs it); Playwright's own browser downloads cannot run here. */
export const CHROMIUM = '/usr/bin/chromium';
/** Where browser tests leave their screenshots (ignored by git; the README's two are copied to docs/images/). */
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'reports', 'console');

/**
 * axe-core's browser build, run in a page to scan what it shows. Not by a script tag: the
 * console's content-security policy refuses inline scripts, as it should, and the test does
 * not weaken it; an evaluation through the DevTools protocol is not subject to it.
 */
const AXE_SCRIPT = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.1 A and AA, and axe's best practices. */
const AXE_RUN = `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })`;
/** Impacts that fail a browser test; the rest are printed for the next round. */
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/** One accessibility rule a page breaks, and where. */
export interface AccessibilityViolation {
  rule: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const toViolation = (result: Result): AccessibilityViolation => ({
  rule: result.id,
  impact: result.impact ?? null,
  help: result.help,
  targets: result.nodes.map((node) => node.target.join(' ')),
});

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  context: BrowserContext;
  /** A fresh tab at `url` with the given viewport (1280×800 unless said). */
  open(url: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** Saves the whole page, or with `fullPage: false` what the viewport shows, as `reports/console/<name>.png`. */
  screenshot(page: Page, name: string, options?: { fullPage?: boolean }): Promise<string>;
  /**
   * Scans what the page shows with axe-core: answers the serious and critical violations
   * (a test expects none) and prints the others, naming the view.
   */
  blockingAccessibilityViolations(page: Page, view: string): Promise<AccessibilityViolation[]>;
  close(): Promise<void>;
}

/** Real Chromium with a fresh profile of its own, headless; nothing it loads may leave the machine. */
export async function launchTestBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'resident-graph-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  // The console must work offline: any request off the loopback fails the page.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    context,
    async open(url, viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(url);
      return page;
    },
    async screenshot(page, name, { fullPage = true } = {}) {
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage });
      return file;
    },
    async blockingAccessibilityViolations(page, view) {
      await page.evaluate(AXE_SCRIPT);
      const results = await page.evaluate<AxeResults>(AXE_RUN);
      const violations = results.violations.map(toViolation);
      const blocking = violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''));
      const minor = violations.filter((violation) => !blocking.includes(violation));
      process.stdout.write(`accessibility (${view}): ${results.passes.length} rules passed, ${blocking.length} serious or critical, ${minor.length} minor\n`);
      for (const violation of minor)
        process.stdout.write(`accessibility (${view}): ${violation.impact} ${violation.rule}: ${violation.help} at ${violation.targets.join(', ')}\n`);
      return blocking;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
