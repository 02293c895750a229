import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageServer, servePages } from '../web/support.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTIFACTS = `${ROOT}test-artifacts/web`;
mkdirSync(ARTIFACTS, { recursive: true });

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

let browser: Browser;
let server: PageServer;
/** Every request any page made, every console error and page error, every serious axe finding. */
const requests: string[] = [];
const errors: string[] = [];
const findings: string[] = [];
const checked: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing (${CHROMIUM}): the pages are checked in a real browser. Run \`apt-get install chromium\` (.ci/run installs it).`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  server = await servePages('2025-03-03T08:00');
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A browser context of one person (a phone at 360 px or a desk screen), watched for requests and errors. */
async function person(width: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 740 : 900 } });
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
  });
  return { context, page };
}

/** Runs axe on the page as it is, keeps serious and critical findings, and saves a screenshot. */
async function check(page: Page, name: string, axe = true): Promise<void> {
  const t0 = Date.now();
  if (axe) {
    const result = await new AxeBuilder({ page }).analyze();
    for (const v of result.violations) {
      if (v.impact === 'serious' || v.impact === 'critical') findings.push(`${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
    checked.push(name);
  }
  if (process.env['WEB_TIMING'] !== undefined) console.log(name, Date.now() - t0);
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
}

async function signIn(page: Page, token: string): Promise<void> {
  await page.goto(`${server.url}/queue`);
  await page.getByLabel(/Mã truy cập/).fill(token);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/queue$/);
}

/** Clicks an action of the dossier page, after the clock has moved on. */
async function act(page: Page, button: string | RegExp, minutes = 30): Promise<void> {
  server.clock.tick(minutes);
  await page.getByRole('button', { name: button }).click();
  await page.waitForLoadState('load');
}

describe('the web pages, in headless Chromium', () => {
  let code = '';
  let secret = '';

  it('a desk officer receives a dossier through the queue page and prints its appointment slip with a QR code', async () => {
    const { page } = await person(1280);
    await page.goto(`${server.url}/queue`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await check(page, 'login');
    await signIn(page, 'desk-token');
    await page.getByLabel('Thủ tục').selectOption('birth-residence-insurance');
    await page.getByRole('button', { name: 'Tiếp nhận' }).click();
    await page.getByLabel('Hình thức nộp').selectOption('in-person');
    await check(page, 'new-dossier');
    server.clock.tick(60);
    await page.getByRole('button', { name: 'Tiếp nhận' }).click();
    await page.waitForURL(/\/slip$/);
    await check(page, 'slip');
    code = (await page.locator('.slip dd strong').first().textContent()) ?? '';
    secret = (await page.locator('[data-secret]').textContent()) ?? '';
    expect(code).toBe('MOTCUA-250303-0001');
    expect(secret).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    // Received Monday 03/03/2025 09:00; 5 working days, the receipt day not counted.
    await expect(page.locator('.slip').textContent()).resolves.toContain('hết ngày Thứ hai 10/03/2025');
    expect(await page.locator('.qr svg path').count()).toBe(2);
    const href = await page.locator('.qr a').getAttribute('href');
    expect(href).toBe(`${server.url}/lookup?code=${code}&secret=${secret}`);

    await page.goto(`${server.url}/queue`);
    await expect(page.locator(`tr[data-code="${code}"]`).textContent()).resolves.toContain('Được tiếp nhận');
    await check(page, 'queue-desk');
    await page.getByRole('link', { name: code }).click();
    await check(page, 'dossier-desk');
    await act(page, 'Chuyển xử lý');
    await expect(page.locator('.notice.ok').textContent()).resolves.toBe('Đã ghi nhận: Chuyển xử lý.');
    await page.context().close();
  }, 240_000);

  it('each agency finds the dossier in its own queue and acts on it; a refusal asks first', async () => {
    const justice = await person(1280);
    await signIn(justice.page, 'justice-token');
    await expect(justice.page.locator('h1').textContent()).resolves.toBe('Hồ sơ cần xử lý — Công chức tư pháp - hộ tịch');
    await check(justice.page, 'queue-agency');
    await justice.page.getByRole('link', { name: code }).click();
    expect(await justice.page.locator('.action').evaluateAll((els) => els.map((e) => (e as unknown as { dataset: Record<string, string> }).dataset['event']))).toEqual(['COMPLETE', 'REQUEST_SUPPLEMENT', 'APOLOGIZE', 'REFUSE']);
    // A refusal is confirmed on its own page; cancelling changes nothing.
    await justice.page.getByLabel('Lý do (mỗi dòng một lý do)').fill('Không đủ điều kiện');
    await justice.page.getByRole('button', { name: /^Từ chối/ }).click();
    await check(justice.page, 'confirm-refusal');
    await expect(justice.page.locator('main p').first().textContent()).resolves.toBe(`Bạn chắc chắn muốn Từ chối hồ sơ ${code}? Việc này không hoàn tác được.`);
    await justice.page.getByRole('link', { name: 'Hủy' }).click();
    await check(justice.page, 'dossier-agency');
    await act(justice.page, 'Hoàn thành bước: Đăng ký khai sinh');
    await expect(justice.page.locator('.notice.ok').textContent()).resolves.toBe('Đã ghi nhận: Hoàn thành bước.');
    await justice.context.close();

    const police = await person(1280);
    await signIn(police.page, 'police-token');
    await police.page.getByRole('link', { name: code }).click();
    await act(police.page, 'Hoàn thành bước: Đăng ký thường trú');
    await police.context.close();

    const insurance = await person(1280);
    await signIn(insurance.page, 'insurance-token');
    await insurance.page.getByRole('link', { name: code }).click();
    await insurance.page.getByLabel('Giấy tờ còn thiếu (mỗi dòng một loại)').fill('Bản sao giấy chứng sinh\nẢnh của trẻ');
    await act(insurance.page, 'Yêu cầu bổ sung: Cấp thẻ BHYT');
    await insurance.context.close();
  }, 240_000);

  it('the citizen looks the dossier up by code on a phone and sees what is missing', async () => {
    const { page, context } = await person(360);
    await page.goto(`${server.url}/lookup`);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent)).resolves.toBe('Bỏ qua, đến nội dung chính');
    await page.getByLabel('Mã hồ sơ').fill(code);
    await page.getByLabel('Mã tra cứu (không bắt buộc)').fill(secret);
    await page.getByLabel('Mã tra cứu (không bắt buộc)').press('Enter');
    await page.waitForURL(/code=/);
    await expect(page.locator('.status').textContent()).resolves.toBe('Yêu cầu bổ sung giấy tờ');
    await expect(page.locator('ul.missing').textContent()).resolves.toBe('Bản sao giấy chứng sinhẢnh của trẻ');
    await check(page, 'lookup-supplement-360');
    const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await context.close();
  }, 240_000);

  it('the papers arrive, the result is returned, and the citizen sees each step at 360 px and rates it', async () => {
    // The applicant supplies papers through the API (issue 14); the pages only show it.
    server.clock.tick(60);
    const supplied = await server.engine.send(code, { type: 'SUPPLY', step: 'issue-card', at: server.clock.now(), by: { kind: 'applicant' } });
    expect(supplied.ok).toBe(true);
    const insurance = await person(1280);
    await signIn(insurance.page, 'insurance-token');
    await insurance.page.getByRole('link', { name: code }).click();
    await act(insurance.page, 'Hoàn thành bước: Cấp thẻ BHYT');
    await insurance.context.close();
    const desk = await person(1280);
    await signIn(desk.page, 'desk-token');
    await desk.page.getByRole('link', { name: code }).click();
    await act(desk.page, 'Trả kết quả');
    await desk.context.close();

    const { page, context } = await person(360);
    await page.goto(`${server.url}/lookup?code=${code}&secret=${secret}`);
    await expect(page.locator('.status').textContent()).resolves.toBe('Đã trả kết quả');
    const steps = await page.locator('table.steps tbody tr').allTextContents();
    expect(steps).toHaveLength(3);
    expect(steps[0]).toContain('Đăng ký khai sinh');
    expect(steps[0]).toContain('Công chức tư pháp - hộ tịch');
    expect(steps[0]).toContain('trước hạn');
    expect(steps.map((s) => /trước hạn|đúng hạn|trễ hạn/.exec(s)?.[0])).toEqual(['trước hạn', 'trước hạn', 'trước hạn']);
    await check(page, 'lookup-360');
    // The language switch keeps the page.
    await page.getByRole('link', { name: 'English' }).click();
    expect(page.url()).toBe(`${server.url}/lookup?code=${code}&secret=${secret}&lang=en`);
    await expect(page.locator('.status').textContent()).resolves.toBe('result returned');
    await check(page, 'lookup-360-en', false);
    // Before the rating, the leader's dashboard counts the dossier satisfied by Decision 766 (early, no complaint).
    const leader = await person(1280);
    await signIn(leader.page, 'leader-token');
    server.clock.tick(5);
    await leader.page.goto(`${server.url}/dashboard`);
    await expect(leader.page.locator('[data-figure="d766-satisfaction"] .value').textContent()).resolves.toBe('100,0%');
    await expect(leader.page.locator('[data-figure="d766-complaints"] .value').textContent()).resolves.toBe('0');
    await leader.context.close();

    await page.getByRole('link', { name: 'Tiếng Việt' }).click();
    await page.getByRole('link', { name: 'Đánh giá mức độ hài lòng' }).click();
    await check(page, 'rate-360');
    server.clock.tick(10);
    await page.getByLabel('Không hài lòng').check();
    await page.getByLabel('Phản ánh, kiến nghị (không bắt buộc)').fill('Phải đến bộ phận một cửa hai lần.');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect(page.locator('.notice.ok').allTextContents()).resolves.toEqual(['Cảm ơn bạn đã đánh giá.', 'Phản ánh của bạn đã được ghi nhận, số PAKN-20250303-0001.']);
    await check(page, 'rated-360', false);
    await context.close();
    // The complaint is a record of the store, about the dossier and its competent agency.
    expect((await server.store.complaints()).map((c) => [c.id, c.dossier, c.agency, c.status])).toEqual([['PAKN-20250303-0001', code, 'insurance', 'open']]);
  }, 240_000);

  it('the dashboard shows the rating and the complaint in its Decision 766 satisfaction figure, with the ranking and the charts', async () => {
    const { page, context } = await person(1280);
    await signIn(page, 'leader-token');
    server.clock.tick(60);
    await page.goto(`${server.url}/dashboard`);
    // Rated "not satisfied" and complained about: the one dossier handled counts against satisfaction (0 of 1).
    await expect(page.locator('[data-figure="d766-satisfaction"] .value').textContent()).resolves.toBe('0,0%');
    await expect(page.locator('[data-figure="d766-on-time"] .value').textContent()).resolves.toBe('100,0%');
    await expect(page.locator('[data-figure="d766-handled"] .value').textContent()).resolves.toBe('1');
    await expect(page.locator('[data-figure="d766-complaints"] .value').textContent()).resolves.toBe('1');
    await expect(page.locator('[data-d766="dissatisfied"]').textContent()).resolves.toBe('1');
    await expect(page.locator('[data-figure="satisfaction"] .value').textContent()).resolves.toBe('0,0%');
    await expect(page.locator('[data-figure="ratings"] .value').textContent()).resolves.toBe('1');
    await expect(page.locator('[data-rating="not-satisfied"]').textContent()).resolves.toBe('1');
    await expect(page.locator('[data-complaints]').textContent()).resolves.toBe('1');
    // The agency ranking: the competent agency, first, with its points (20 on time + 0 + 0 + 6 of 38).
    expect(await page.locator('table.ranking tbody tr').allTextContents()).toEqual(['1Bảo hiểm xã hội huyệnhuyện10100,0%0,0%26,0']);
    expect(await page.locator('svg.chart[data-chart="ranking"] rect.bar').count()).toBe(3);
    expect(await page.locator('svg.chart[data-chart="on-time-trend"] rect.bar').count()).toBe(1);
    await check(page, 'dashboard');
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.locator('#d766-h').textContent()).resolves.toBe('Decision 766/QĐ-TTg indicators');
    await expect(page.locator('[data-figure="d766-satisfaction"] .name').textContent()).resolves.toBe('Satisfaction (766)');
    await check(page, 'dashboard-en', false);
    await context.close();
  }, 240_000);

  it('the catalogue lists the procedures in force and draws each one', async () => {
    const { page, context } = await person(1280);
    await page.goto(`${server.url}/catalogue?date=2025-03-03`);
    await check(page, 'catalogue');
    await page.getByRole('link', { name: /^Liên thông đăng ký khai sinh/ }).click();
    expect(await page.locator('figure.diagram svg g.node').count()).toBeGreaterThan(3);
    await expect(page.locator('ul.flow').first().textContent()).resolves.toContain('Cấp thẻ BHYT — Bảo hiểm xã hội huyện; thời gian 2wd');
    await check(page, 'procedure');
    await context.close();
  }, 240_000);

  it('the desk closes a dossier the applicant asked to withdraw, in Vietnamese or English, after confirming', async () => {
    const opened = await server.engine.open({ procedure: 'birth-residence-insurance', channel: 'in-person', receivedAt: server.clock.now(), by: { kind: 'agency', agency: 'desk' } });
    server.clock.tick(30);
    expect((await server.engine.send(opened.code, { type: 'WITHDRAW', at: server.clock.now(), by: { kind: 'applicant' }, reason: 'chuyển nơi ở' } as never)).ok).toBe(true);
    const { page, context } = await person(1280);
    await signIn(page, 'desk-token');
    await page.goto(`${server.url}/queue/${opened.code}?lang=en`);
    expect(await page.getByRole('button', { name: 'Close the withdrawn dossier (processing stopped)' }).count()).toBe(1);
    await page.goto(`${server.url}/queue/${opened.code}`);
    expect(await page.locator('.action').evaluateAll((els) => els.map((e) => (e as unknown as { dataset: Record<string, string> }).dataset['event']))).toEqual(['WITHDRAW']);
    await check(page, 'dossier-withdrawal');
    await act(page, 'Đóng hồ sơ công dân xin rút (dừng xử lý)');
    await expect(page.locator('main p').first().textContent()).resolves.toBe(`Công dân đã yêu cầu rút hồ sơ ${opened.code}. Đóng hồ sơ (dừng xử lý)? Việc này không hoàn tác được.`);
    expect((await server.engine.status(opened.code)).status).toBe(7);
    await act(page, 'Xác nhận', 1);
    expect((await server.engine.status(opened.code)).status).toBe(8);
    await context.close();
  }, 240_000);

  it('made requests to the server only, logged no error, and axe found nothing serious on any page', () => {
    expect(checked).toEqual(['login', 'new-dossier', 'slip', 'queue-desk', 'dossier-desk', 'queue-agency', 'confirm-refusal', 'dossier-agency', 'lookup-supplement-360', 'lookup-360', 'rate-360', 'dashboard', 'catalogue', 'procedure', 'dossier-withdrawal']);
    expect(requests.filter((u) => !u.startsWith(`${server.url}/`))).toEqual([]);
    expect(errors).toEqual([]);
    expect(findings).toEqual([]);
  });
});
