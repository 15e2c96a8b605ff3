// Opens `clause report` pages in Debian's Chromium (puppeteer-core drives the system
// browser; nothing is downloaded) and checks what a reader gets: no console error or
// failed request, every section, every figure equal to the CLI's --json for the same
// input, nothing wider than the screen at 390 px and 1280 px, and Chinese set in a CJK
// font. Writes the pages, a screenshot of each and the comparisons printed (PDF) to the
// output folder.
//
//   node report.test.mjs --clause build/clause --repo . --out build/browser
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const clause = resolve(args.clause ?? 'build/clause');
const repo = resolve(args.repo ?? '.');
const out = resolve(args.out ?? 'build/browser');
const browserPath = args.browser ?? '/usr/bin/chromium';
mkdirSync(out, { recursive: true });

const M = 'contracts/microsoft-openai';
// The flagship, the 2025 contracts and their diff, each in both languages.
const reports = [];
for (const lang of ['en', 'zh']) {
  reports.push({ name: `2024-06-${lang}`, contract: `${M}/2024-06.clause`, lang, scenarios: 'examples' });
  reports.push({ name: `2025-01-${lang}`, contract: `${M}/2025-01.clause`, lang, scenarios: 'examples' });
  reports.push({ name: `2025-10-${lang}`, contract: `${M}/2025-10.clause`, lang, scenarios: 'examples' });
  reports.push({ name: `2025-10-against-2025-01-${lang}`, contract: `${M}/2025-10.clause`, against: `${M}/2025-01.clause`,
                 lang, scenarios: 'examples' });
}

let failures = 0;
let checks = 0;
function check(ok, what) {
  checks += 1;
  if (!ok) {
    failures += 1;
    console.error(`  FAIL ${what}`);
  }
}

// `clause ARGS --json`, parsed; exit 1 is an answer too (diff: the contracts differ).
function cli(...argv) {
  try {
    return JSON.parse(execFileSync(clause, argv, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 }));
  } catch (e) {
    if (e.status === 1 && e.stdout) return JSON.parse(e.stdout);
    throw e;
  }
}

// An exact amount as JSON writes it ("-12.34+5/7": dollars, cents, a fraction of a cent)
// as a fraction of cents in BigInt, to subtract exactly.
function cents(text) {
  const m = /^(-?)(\d+)\.(\d\d)(?:\+(\d+)\/(\d+))?$/.exec(text);
  if (!m) throw new Error(`not an amount: ${text}`);
  const den = BigInt(m[5] ?? 1);
  const whole = BigInt(m[2]) * 100n + BigInt(m[3]);
  const num = whole * den + BigInt(m[4] ?? 0);
  return { num: m[1] ? -num : num, den };
}
const sameAmount = (a, b) => a.num * b.den === b.num * a.den;
const minus = (a, b) => ({ num: a.num * b.den - b.num * a.den, den: a.den * b.den });
// "$14,241,365,853.65 + 35/41¢" → "14241365853.65+35/41": what a reader sees, as JSON writes it.
const shown = (text) => text.replace(/[$,\s¢]/g, '');

function compareFigures(report, figures, json) {
  for (const f of figures) {
    if (f.amount !== undefined) check(shown(f.text) === f.amount, `${report.name}: shown ${f.text} is ${f.amount}`);
  }
  const byKind = (kind) => figures.filter((f) => f.figure === kind);
  // Payout schedules, by waterfall.
  for (const f of [...byKind('breakpoint'), ...byKind('paid'), ...byKind('undistributed')]) {
    const bp = json.schedule[f.waterfall].schedule.breakpoints[Number(f.index)];
    const want = f.figure === 'breakpoint' ? bp?.profit : f.figure === 'paid' ? bp?.paid[f.party] : bp?.undistributed;
    check(want === f.amount, `${report.name}: schedule ${f.waterfall} #${f.index} ${f.figure} ${f.party ?? ''} ${f.amount} = ${want}`);
  }
  for (const [w, s] of Object.entries(json.schedule)) {
    check(byKind('breakpoint').filter((f) => f.waterfall === w).length === s.schedule.breakpoints.length,
          `${report.name}: every breakpoint of ${w}`);
  }
  for (const f of byKind('tier')) {
    const tier = json.schedule[f.waterfall].schedule.tiers[Number(f.index)];
    check(tier?.start === f.start && (tier?.end ?? '') === f.end, `${report.name}: tier ${f.waterfall} #${f.index} from ${f.start} to ${f.end}`);
  }
  // The timeline.
  const boundaries = byKind('boundary');
  check(boundaries.length === json.timeline.boundaries.length, `${report.name}: every date of the timeline`);
  for (const f of boundaries) {
    const b = json.timeline.boundaries[Number(f.index)];
    check(b?.on === f.on, `${report.name}: timeline #${f.index} on ${f.on} = ${b?.on}`);
    if (f.commitment !== undefined) check(b?.amount === f.commitment, `${report.name}: commitment ${f.commitment} = ${b?.amount}`);
  }
  // Scenarios.
  for (const s of report.scenarioFigures) {
    const run = json.runs[s.file];
    check(s.ran === (run !== null), `${report.name}: ${s.file} runs as clause run runs it`);
    if (!run) continue;
    check(s.events.length === run.events.length, `${report.name}: every event of ${s.file}`);
    s.events.forEach((e, i) => {
      check(e.on === run.events[i]?.on && e.event === run.events[i]?.event, `${report.name}: ${s.file} event ${i}`);
      check(JSON.stringify(e.kinds) === JSON.stringify(run.events[i]?.outcomes.map((o) => o.kind)),
            `${report.name}: ${s.file} event ${i} outcomes ${e.kinds} = ${run.events[i]?.outcomes.map((o) => o.kind)}`);
    });
    check(JSON.stringify(s.passed) === JSON.stringify(run.expectations.map((x) => x.passed)),
          `${report.name}: ${s.file} expectations pass and fail as clause run says`);
    check(JSON.stringify(s.received) === JSON.stringify(run.payouts), `${report.name}: ${s.file} payouts`);
  }
  if (!json.diff) return;
  // The renegotiation.
  const d = json.diff;
  check(new Set(byKind('term').map((f) => f.index)).size === d.terms.length, `${report.name}: every changed term`);
  check(byKind('example').length === Math.min(d.probes.groups, 8), `${report.name}: the examples`);
  const probes = byKind('probes')[0];
  check(probes?.count === String(d.probes.count) && probes?.groups === String(d.probes.groups) && probes?.on === d.probes.on,
        `${report.name}: ${probes?.count} probes and ${probes?.groups} changes as clause diff says`);
  check(report.same === String(d.same), `${report.name}: same or different as clause diff says`);
  const party = (f) => d.payouts.find((w) => w.waterfall === f.waterfall)?.parties.find((p) => p.party === f.party);
  for (const f of byKind('range')) {
    const want = party(f)?.ranges[Number(f.range)]?.[f.which];
    check(want === f.amount, `${report.name}: range ${f.party} ${f.which} ${f.amount} = ${want}`);
  }
  const samples = byKind('sample');
  check(samples.length === 4 * d.payouts.reduce((n, w) => n + w.parties.reduce((k, p) => k + p.samples.length, 0), 0),
        `${report.name}: every sample profit`);
  for (const f of samples) {
    const s = party(f)?.samples[Number(f.sample)];
    if (f.which === 'difference') {
      check(s && sameAmount(cents(f.amount), minus(cents(s.new), cents(s.old))), `${report.name}: difference at ${s?.profit}`);
    } else {
      check(s?.[f.which] === f.amount, `${report.name}: sample ${f.party} ${f.which} ${f.amount} = ${s?.[f.which]}`);
    }
  }
}

// Every figure and marker on the page, read in the browser.
function readPage() {
  const figures = [...document.querySelectorAll('[data-figure]')].map((el) => {
    const f = { ...el.dataset, text: el.textContent.trim() };
    if (f.figure === 'boundary') {
      f.on = el.querySelector('time')?.getAttribute('datetime');
      f.commitment = el.querySelector('[data-figure="commitment"]')?.dataset.amount;
    }
    return f;
  });
  const scenarioFigures = [...document.querySelectorAll('article.scenario')].map((a) => ({
    file: a.dataset.scenario,
    ran: a.dataset.ran === 'true',
    events: [...a.querySelectorAll('tr[data-figure="event"]')].map((tr) => ({
      on: tr.querySelector('time').getAttribute('datetime'),
      event: tr.querySelector('code').textContent,
      kinds: [...tr.querySelectorAll('li[data-kind]')].map((li) => li.dataset.kind),
    })),
    passed: [...a.querySelectorAll('[data-figure="expectation"]')].map((li) => li.dataset.passed === 'true'),
    received: Object.fromEntries([...a.querySelectorAll('[data-figure="received"]')].map((s) => [s.dataset.party, s.dataset.amount])),
  }));
  const sections = [...document.querySelectorAll('main > section')].map((s) => s.id);
  const same = document.querySelector('.verdict')?.dataset.same;
  const waterfalls = [...document.querySelectorAll('#payouts .waterfall')].map((w) => w.dataset.waterfall);
  return { figures, scenarioFigures, sections, same, waterfalls };
}

// Elements that reach past the right edge of the screen, or whose text sticks out of
// them, other than what scrolls inside its own box; and whether the page itself scrolls
// sideways.
function overflow() {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.scroll') && !el.classList.contains('scroll')) continue;
    const r = el.getBoundingClientRect();
    const spills = el instanceof HTMLElement && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && !el.classList.contains('scroll');
    if ((r.width > 0 && (r.right > width + 1 || r.left < -1)) || spills) {
      wide.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} ${Math.round(r.right)}`);
    }
  }
  return { wide: wide.slice(0, 5), count: wide.length, scrolls: document.documentElement.scrollWidth > width };
}

// How many pixels of a PNG (base64) are dark: text drawn, not a blank box.
async function darkPixels(page, png) {
  return page.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const g = canvas.getContext('2d');
    g.drawImage(img, 0, 0);
    const px = g.getImageData(0, 0, img.width, img.height).data;
    let dark = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i] + px[i + 1] + px[i + 2] < 300) dark += 1;
    return dark;
  }, png);
}

// The fonts Chromium drew a node's text with (DevTools protocol).
async function fontsOf(page, selector) {
  const cdp = await page.createCDPSession();
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts;
}

const started = Date.now();
const scratch = mkdtempSync(join(tmpdir(), 'clause-browser-'));
const browser = await puppeteer.launch({
  executablePath: browserPath,
  headless: true,
  userDataDir: join(scratch, 'profile'),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const report of reports) {
    const file = join(out, `report-${report.name}.html`);
    const argv = ['report', report.contract, '--lang', report.lang, '-o', file];
    if (report.against) argv.push('--against', report.against);
    if (report.scenarios) argv.push('--scenarios', report.scenarios);
    execFileSync(clause, argv, { cwd: repo });
    console.log(`${report.name}: clause ${argv.join(' ')}`);

    for (const width of [390, 1280]) {
      const page = await browser.newPage();
      const problems = [];
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warn') problems.push(`console ${m.type()}: ${m.text()}`); });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()}`));
      page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`request: ${r.url()}`); });
      await page.setViewport({ width, height: 900 });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

      if (width === 1280) {
        const seen = await page.evaluate(readPage);
        const expected = ['parties', 'terms', 'timeline', 'payouts', 'scenarios', ...(report.against ? ['renegotiation'] : [])];
        for (const id of expected) check(seen.sections.includes(id), `${report.name}: section #${id}`);
        const json = { schedule: {}, runs: {} };
        for (const w of seen.waterfalls) json.schedule[w] = cli('payout', report.contract, '--schedule', '--waterfall', w, '--json');
        json.timeline = cli('timeline', report.contract, '--json');
        for (const s of seen.scenarioFigures) {
          try { json.runs[s.file] = cli('run', s.file, '--json'); } catch { json.runs[s.file] = null; }
        }
        if (report.against) json.diff = cli('diff', report.against, report.contract, '--json');
        compareFigures({ ...report, scenarioFigures: seen.scenarioFigures, same: seen.same }, seen.figures, json);
        console.log(`  ${seen.figures.length} figures and ${seen.scenarioFigures.length} scenarios compared with --json`);
        await page.screenshot({ path: join(out, `report-${report.name}-1280-top.png`), clip: { x: 0, y: 0, width: 1280, height: 900 } });
        if (report.against) {
          // Printed with the print style sheet, for people to look at.
          const pdf = await page.pdf({ path: join(out, `report-${report.name}.pdf`), format: 'A4', printBackground: true });
          check(pdf.length > 10000, `${report.name}: prints`);
        }
      }
      const o = await page.evaluate(overflow);
      check(o.count === 0 && !o.scrolls, `${report.name} at ${width} px: nothing wider than the screen (${o.wide.join(', ')})`);
      if (report.lang === 'zh') {
        const fonts = await fontsOf(page, '#terms h2');
        check(fonts.some((f) => /CJK/.test(f.familyName) && f.glyphCount > 0),
              `${report.name}: Chinese drawn in a CJK font (${fonts.map((f) => f.familyName).join(', ')})`);
        const heading = await page.$('#terms h2');
        const png = await heading.screenshot({ encoding: 'base64' });
        check(await darkPixels(page, png) > 50, `${report.name}: the Chinese heading is not blank`);
      }
      await page.screenshot({ path: join(out, `report-${report.name}-${width}.png`), fullPage: true });
      check(problems.length === 0, `${report.name} at ${width} px: no console error or request (${problems.join('; ')})`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`${checks - failures} of ${checks} checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s; pages and screenshots in ${out}`);
writeFileSync(join(out, 'result.txt'), `${checks - failures} of ${checks} checks passed\n`);
process.exit(failures === 0 ? 0 : 1);
