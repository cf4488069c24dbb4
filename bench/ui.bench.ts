/**
 * `npm run bench:ui` — the browser workbench against its production build in headless Chromium
 * (DESIGN §7): how much JavaScript (gzip) the first render needs, how long until the diagram and
 * the first terminal are ready, and — with 9 brokers, 100 partitions at RF 3 and 5,000 records/s
 * of simulated traffic for 10 s — the frame rate (requestAnimationFrame callbacks) and the longest
 * main-thread task (PerformanceObserver `longtask`).
 *
 * The stress cluster is driven through the worker API the page already uses: the page's worker is
 * captured when it is created and sent comlink messages (`reset`, `produceLoad`) directly; the
 * topic is created by typing into the terminal, as a learner would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { build, preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const stress = {
  brokers: 9,
  partitions: 100,
  replicationFactor: 3,
  recordsPerSecond: 5_000,
  seconds: 10,
};

/**
 * Runs in the page before the app: captures workers and long tasks, and notes two moments
 * (`performance.now()`): the diagram interactive (a broker node laid out and visible) and the first
 * terminal ready for input.
 */
function instrumentPage() {
  const w = window as unknown as Record<string, unknown>;
  const workers: Worker[] = [];
  const longTasks: { start: number; duration: number }[] = [];
  w.__benchWorkers = workers;
  w.__benchLongTasks = longTasks;
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      workers.push(this);
    }
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const diagramReady = () => {
    const node = document.querySelector<HTMLElement>('[data-testid^="rf__node-broker"]');
    return node !== null && node.offsetWidth > 0 && getComputedStyle(node).visibility === 'visible';
  };
  const terminalReady = () =>
    document.querySelector('[data-testid="terminal-1"][data-state="idle"]') !== null;
  const check = () => {
    if (w.__benchInteractive === undefined && diagramReady())
      w.__benchInteractive = performance.now();
    if (w.__benchTerminal === undefined && terminalReady()) w.__benchTerminal = performance.now();
    if (w.__benchTerminal === undefined) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** Calls `method` on the page's workbench worker with comlink's wire format; resolves its value. */
async function callWorker(page: Page, method: string, ...args: unknown[]): Promise<unknown> {
  return page.evaluate(
    ([m, a]) =>
      new Promise((resolve, reject) => {
        const workers = (window as unknown as { __benchWorkers: Worker[] }).__benchWorkers;
        const worker = workers[0];
        if (!worker) return reject(new Error('no worker captured'));
        const id = `bench-${Math.random()}`;
        const onMessage = (e: MessageEvent) => {
          if (e.data?.id !== id) return;
          worker.removeEventListener('message', onMessage);
          if (e.data.type === 'HANDLER') reject(new Error(JSON.stringify(e.data.value)));
          else resolve(e.data.value);
        };
        worker.addEventListener('message', onMessage);
        worker.postMessage({
          id,
          type: 'APPLY',
          path: [m],
          argumentList: (a as unknown[]).map((value) => ({ type: 'RAW', value })),
        });
      }),
    [method, args] as const,
  );
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'kafka-workbench-bench-'));
  const profile = mkdtempSync(join(tmpdir(), 'kafka-workbench-bench-chromium-'));
  process.env.NODE_ENV = 'production';
  await build({
    root,
    mode: 'production',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  const server = await preview({
    root,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1600, height: 1000 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // tsx (esbuild keepNames) wraps named functions in `__name(…)`; give the page that helper.
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    await page.addInitScript(instrumentPage);
    page.on('pageerror', (e) => console.log(`page error: ${e.message}`));

    // ---- Initial load: every script requested before the diagram was interactive -------------
    // Requests from the page and from its workers alike (the simulation worker and what it
    // imports); a script counts when its request started before that moment (epoch ms).
    const scripts: { url: string; requestedAt: number; gzip: number; raw: number }[] = [];
    const bodies: Promise<void>[] = [];
    context.on('requestfinished', (request) => {
      const u = request.url();
      if (!/\.m?js(\?|$)/.test(u)) return;
      const requestedAt = request.timing().startTime;
      bodies.push(
        request.response().then(
          async (response) => {
            const body = await response!.body();
            scripts.push({ url: u, requestedAt, gzip: gzipSync(body).length, raw: body.length });
          },
          () => undefined,
        ),
      );
    });
    await page.goto(url);
    const moments = (await page
      .waitForFunction(
        () => {
          const w = window as unknown as Record<string, number | undefined>;
          return w.__benchTerminal === undefined
            ? false
            : {
                origin: performance.timeOrigin,
                diagram: w.__benchInteractive!,
                terminal: w.__benchTerminal,
              };
        },
        null,
        { timeout: 60_000, polling: 100 },
      )
      .then((h) => h.jsonValue())) as { origin: number; diagram: number; terminal: number };
    await Promise.all(bodies);
    const before = (ms: number) => scripts.filter((s) => s.requestedAt <= moments.origin + ms);
    const kb = (list: typeof scripts) => list.reduce((n, s) => n + s.gzip, 0) / 1024;
    const initial = before(moments.diagram);
    const firstRenderMs = moments.diagram;
    const initialGzipKb = kb(initial);
    const describe = (list: typeof scripts) => {
      for (const s of list)
        console.log(
          `  ${new URL(s.url).pathname.padEnd(48)} ${(s.raw / 1024).toFixed(1).padStart(8)} KB  gzip ${(s.gzip / 1024).toFixed(1).padStart(7)} KB`,
        );
    };
    console.log(
      `Scripts requested before the diagram was interactive (${Math.round(moments.diagram)} ms):`,
    );
    describe(initial);
    const byPath = (re: RegExp) => kb(initial.filter((s) => re.test(s.url)));
    console.log(
      `Main thread ${byPath(/\/assets\/(?!workbench\.worker)/).toFixed(1)} KB gzip, ` +
        `simulation worker ${byPath(/workbench\.worker/).toFixed(1)} KB gzip`,
    );
    const later = before(moments.terminal).filter((s) => !initial.includes(s));
    console.log(
      `Then, for the first terminal (ready at ${Math.round(moments.terminal)} ms): ${kb(later).toFixed(1)} KB gzip more`,
    );
    describe(later);
    const monaco = scripts.filter((s) => /monaco|editor\.api|editor\.worker/i.test(s.url));
    if (monaco.length > 0) {
      console.log(`Monaco is in the initial load: ${monaco.map((s) => s.url).join(', ')}`);
      process.exitCode = 1;
    } else console.log('Monaco: not loaded (it loads when the Editors tab opens)');

    // ---- Stress: 9 brokers, 100 partitions at RF 3, 5,000 records/s for 10 s ------------------
    await callWorker(page, 'reset', { preset: 'compose', brokers: stress.brokers });
    await callWorker(page, 'play');
    await page
      .locator(`[data-testid="rf__node-broker:${stress.brokers}"]`)
      .waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="terminal-1"][data-state="idle"]').waitFor();
    await page.locator('[data-testid="terminal-1"] .xterm-screen').click();
    await page.keyboard.type(
      `kafka-topics.sh --bootstrap-server localhost:9092 --create --topic stress --partitions ${stress.partitions} --replication-factor ${stress.replicationFactor}\n`,
    );
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="terminal-1"]')
          ?.textContent?.includes('Created topic stress.'),
      null,
      { timeout: 60_000 },
    );
    await page.waitForTimeout(2_000);

    await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      w.__benchFrames = 0;
      w.__benchMaxGap = 0;
      w.__benchMeasuring = true;
      w.__benchStart = performance.now();
      let last: number | undefined;
      const frame = (now: number) => {
        if (!w.__benchMeasuring) return;
        (w.__benchFrames as number)++;
        if (last !== undefined) w.__benchMaxGap = Math.max(w.__benchMaxGap as number, now - last);
        last = now;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    const load = await callWorker(page, 'produceLoad', {
      topic: 'stress',
      recordsPerSecond: stress.recordsPerSecond,
      durationMs: stress.seconds * 1000,
    });
    if (!(load as { ok: boolean }).ok) throw new Error(`produceLoad: ${JSON.stringify(load)}`);
    await page.waitForTimeout(stress.seconds * 1000);
    const measured = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      w.__benchMeasuring = false;
      const start = w.__benchStart as number;
      const end = performance.now();
      const tasks = (w.__benchLongTasks as { start: number; duration: number }[]).filter(
        (t) => t.start >= start,
      );
      return {
        seconds: (end - start) / 1000,
        frames: w.__benchFrames as number,
        longest: Math.max(0, ...tasks.map((t) => t.duration)),
        maxFrameMs: w.__benchMaxGap as number,
        longTasks: tasks.length,
      };
    });
    const snapshot = (await callWorker(page, 'snapshot')) as {
      brokers: unknown[];
      topics: { name: string; partitions: { logEndOffset: number }[] }[];
    };
    const stressTopic = snapshot.topics.find((t) => t.name === 'stress');
    const records = stressTopic?.partitions.reduce((n, p) => n + p.logEndOffset, 0) ?? 0;
    const fps = measured.frames / measured.seconds;
    console.log(
      `Stress: ${snapshot.brokers.length} brokers, ${stressTopic?.partitions.length ?? 0} partitions, ` +
        `${records} records written in ${measured.seconds.toFixed(1)} s; ${measured.frames} frames; ` +
        `${measured.longTasks} long tasks (the longtask API reports tasks of 50 ms or more; ` +
        `0 means none reached 50 ms); longest gap between two frames ${measured.maxFrameMs.toFixed(1)} ms`,
    );
    console.log(
      `RESULT initial_js_gzip_kb=${initialGzipKb.toFixed(1)} first_render_ms=${Math.round(firstRenderMs)} stress_fps=${fps.toFixed(1)} longest_task_ms=${Math.round(measured.longest)}`,
    );
  } finally {
    await context.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
