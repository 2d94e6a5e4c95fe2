// Runs Lighthouse (accessibility and best practices) on one page of every type of a running Serving Lab, one after
// another in one browser, so that the pages behind a form (the workshop created page) and behind a cookie (the
// instructor's dashboard and presenter view, a joined learner's page) are reached the way a person reaches them.
// Prints a table of scores and every failing audit, writes an HTML report per page and a JSON of all under --out,
// and exits 1 when a score is below --min. Started by bench/lighthouse.sh, which installs this folder's packages.
//
//   node bench/lighthouse/run.mjs --url http://127.0.0.1:18390 --out bench/results [--min 0.95] [--scheme dark]
//       [--lessons all] [--profile DIR]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import {startFlow} from 'lighthouse';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const base = (args.url || 'http://127.0.0.1:8080').replace(/\/$/, '');
const out = args.out || 'bench/results';
const min = Number(args.min || 0.95);
const scheme = args.scheme || 'light';
const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
const categories = ['accessibility', 'best-practices'];

async function text(url) {
  const response = await fetch(base + url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return response.text();
}

// The first lesson and the first exercise as the home and exercise list link them: no slug is written here.
const lessons = [...new Set([...(await text('/')).matchAll(/href="(\/lessons\/[a-z0-9-]+)"/g)].map(m => m[1]))];
const lesson = lessons[0];
const exercise = (await text('/exercises')).match(/href="(\/exercises\/[a-z0-9-]+)"/)?.[1];
if (!lesson || !exercise) throw new Error('no lesson or exercise link on / and /exercises');

// The browser's profile: --profile's folder (bench/lighthouse.sh makes one and removes it, however this ends), or
// one of its own, removed at the end.
const userDataDir = args.profile || fs.mkdtempSync(path.join(os.tmpdir(), 'serving-lab-lighthouse-'));
const browser = await puppeteer.launch({
  executablePath: chrome,
  headless: 'new',
  userDataDir,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
let failed = false;
try {
  const page = await browser.newPage();
  // The pages have a dark palette too (prefers-color-scheme): --scheme dark audits that one, contrast above all.
  await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: scheme}]);
  const config = {
    extends: 'lighthouse:default',
    settings: {
      onlyCategories: categories,
      // Scores of these categories do not depend on the network's speed: no throttling, so the run is quick.
      throttlingMethod: 'provided',
      // Lighthouse's default emulation, a phone about 412 px wide: the pages' narrowest supported layout.
      formFactor: 'mobile',
      // The cookies carry the walk from page to page (the instructor's, then a learner's): never cleared.
      disableStorageReset: true,
    },
  };
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const reports = path.join(out, `lighthouse-${stamp}-${scheme}`);
  fs.mkdirSync(reports, {recursive: true});
  const audited = [];  // [name, lhr or null, error]
  // Audits one page in a flow of its own, so that a page Lighthouse cannot finish (PAGE_HUNG, or a protocol error
  // when its renderer does not answer in time on a machine busy with other work) costs only that page; one reached
  // by its address alone is audited once more then, and the second audit counts.
  const step = async (name, how) => {
    let lhr = null;
    let error = null;
    for (let attempt = 1; attempt <= (typeof how === 'string' ? 2 : 1); attempt++) {
      console.error(`lighthouse: ${name}${attempt > 1 ? ` again (${error})` : ''}`);
      try {
        const flow = await startFlow(page, {name, config});
        await flow.navigate(typeof how === 'string' ? base + how : how, {name});
        lhr = (await flow.createFlowResult()).steps[0].lhr;
        const file = `${String(audited.length + 1).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-')}.html`;
        fs.writeFileSync(path.join(reports, file), await flow.generateReport());
        error = lhr.runtimeError ? `${lhr.runtimeError.code} ${lhr.runtimeError.message}` : null;
      } catch (e) {
        lhr = null;
        error = e.message;
      }
      if (!error) break;
    }
    audited.push([name, lhr, error]);
  };
  await step('home', '/');
  await step('lesson', lesson);
  await step('lesson, projector view', `${lesson}?view=projector`);
  // Each lesson holds other widgets: --lessons all audits every one of them, not only the first.
  if (args.lessons === 'all') {
    for (const other of lessons.slice(1)) await step(`lesson ${other.split('/').pop().slice(0, 2)}`, other);
  }
  await step('exercise', exercise);
  await step('join', '/join');
  await step('new workshop', '/workshops/new');
  await page.goto(base + '/workshops/new');
  await step('workshop created', async () => {
    await page.type('#workshop-title', 'Lighthouse class');
    await Promise.all([page.waitForNavigation(), page.click('.workshop-form button[type=submit]')]);
  });
  // The created page links the dashboard, /workshops/CODE: the code is read from there.
  const links = await page.$$eval('a[href]', as => as.map(a => new URL(a.href).pathname));
  const workshop = links.map(p => p.match(/^\/workshops\/([A-Za-z0-9-]+)$/)?.[1]).find(c => c && c !== 'new');
  if (!workshop) throw new Error(`no dashboard link on the created page ${page.url()}`);
  await step('dashboard', `/workshops/${workshop}`);
  await step('presenter', `/workshops/${workshop}/present`);
  await step('join with a code', `/join?code=${encodeURIComponent(workshop)}`);
  await page.goto(`${base}/join?code=${encodeURIComponent(workshop)}`);
  await step('learner joined (home)', async () => {
    await page.type('#join-nickname', 'Lighthouse learner');
    await Promise.all([page.waitForNavigation(), page.click('.join-form button[type=submit]')]);
  });
  await step('learner lesson', lesson);
  const seen = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  if (seen !== scheme) throw new Error(`the page saw the ${seen} colour scheme, not ${scheme}`);
  fs.writeFileSync(`${reports}.json`, JSON.stringify(audited.map(([name, lhr, error]) => ({name, error, lhr}))));

  const rows = [];
  const problems = [];
  const notes = [];
  for (const [name, lhr, error] of audited) {
    const scores = categories.map(c => lhr?.categories[c]?.score);
    const url = lhr ? new URL(lhr.finalDisplayedUrl || lhr.finalUrl) : null;
    rows.push([name, url ? url.pathname + url.search : '?', ...scores]);
    if (error) problems.push(`${name}: ${error}`);
    // Lighthouse's own warnings (a page slow to settle, a redirect): no score, but worth a look.
    for (const warning of lhr?.runWarnings || []) notes.push(`${name}: ${warning}`);
    for (const c of categories) {
      const score = lhr?.categories[c]?.score;
      if (score == null || score < min) failed = true;
      for (const ref of lhr?.categories[c]?.auditRefs || []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          const items = (audit.details?.items || []).slice(0, 3).map(item => item.node?.selector
            || item.source?.url || item.description || item.url || JSON.stringify(item).slice(0, 120));
          const where = items.map(item => `\n      ${item}`).join('');
          problems.push(`${name} [${c}] ${ref.id}: ${audit.title}${where}`);
        }
      }
    }
  }
  const format = v => (v == null ? '  -  ' : v.toFixed(2));
  const width = Math.max(...rows.map(r => r[0].length)) + 2;
  const pathWidth = Math.max(...rows.map(r => r[1].replace(workshop, 'CODE').length)) + 2;
  const first = audited.find(([, lhr]) => lhr)?.[1];
  console.log(`Lighthouse ${first?.lighthouseVersion}, ${first?.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0]
  }, ${base}, mobile emulation, ${scheme} colour scheme`);
  console.log(`${'page'.padEnd(width)}${'path'.padEnd(pathWidth)}accessibility  best-practices`);
  for (const [name, where, a, b] of rows) {
    const shown = where.replace(workshop, 'CODE');
    console.log(`${name.padEnd(width)}${shown.padEnd(pathWidth)}${format(a).padStart(13)}  ${format(b).padStart(14)}`);
  }
  console.log(problems.length ? `failing audits:\n  ${problems.join('\n  ')}` : 'failing audits: none');
  if (notes.length) console.log(`Lighthouse's warnings:\n  ${notes.join('\n  ')}`);
  console.log(`every score >= ${min}: ${failed ? 'NO' : 'yes'}; reports in ${reports}/`);
} finally {
  await browser.close();
  fs.rmSync(userDataDir, {recursive: true, force: true});
}
process.exit(failed ? 1 : 0);
