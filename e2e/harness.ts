// Shared set-up for the browser tests: a built Vestnik server on a free port with its own
// SQLite database, and Debian's Chromium driven by playwright-core with a fresh profile.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page, type Request } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export interface Server {
  /** http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  /** Everything the process printed, for failure messages. */
  output(): string;
  /** The server's data folder (its database and mail outbox). */
  dir: string;
  /** The environment it runs with, for CLI commands against the same site. */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  await once(probe, 'close');
  if (address === null || typeof address === 'string') throw new Error('no port from the probe server');
  return address.port;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not healthy within 20 s:\n${output()}`);
}

/** Starts dist/main.js on a fresh database (demo content loads on first start). */
export async function startServer(): Promise<Server> {
  const dir = await mkdtemp(join(tmpdir(), 'vestnik-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // VESTNIK_MAIN runs another build of the server (e.g. a patched copy) against the same tests.
  const main = process.env.VESTNIK_MAIN ?? join(ROOT, 'dist', 'main.js');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(dir, 'vestnik.db')}`,
    DATA_DIR: dir,
    LOG_LEVEL: 'warn',
    SITE_URL: url,
    COMMENTS_PER_MINUTE: '1000',
    VIEW_FLUSH_MS: '200',
    RANKING_REFRESH_MS: '500',
  };
  const child = spawn(process.execPath, [main], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString('utf8');
  });
  const output = () => log;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, output);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, output, stop, dir, env };
}

export interface BrowserOptions {
  javaScriptEnabled?: boolean;
  viewport?: { width: number; height: number };
  isMobile?: boolean;
  hasTouch?: boolean;
  deviceScaleFactor?: number;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Requests to any host other than 127.0.0.1 (pages must make none). */
  foreign: string[];
  /** Uncaught script errors in any page of the session. */
  pageErrors: string[];
  close(): Promise<void>;
}

function isForeign(request: Request): boolean {
  const url = new URL(request.url());
  if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') return false;
  return url.hostname !== '127.0.0.1';
}

/** Chromium with a fresh profile directory; every request the pages make is checked. */
export async function openBrowser(options: BrowserOptions = {}): Promise<Session> {
  const profile = await mkdtemp(join(tmpdir(), 'vestnik-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'bg-BG',
    timezoneId: 'Europe/Sofia',
    viewport: options.viewport ?? { width: 1366, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    isMobile: options.isMobile ?? false,
    hasTouch: options.hasTouch ?? false,
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
  });
  const foreign: string[] = [];
  const pageErrors: string[] = [];
  context.on('request', (request) => {
    if (isForeign(request)) foreign.push(request.url());
  });
  context.on('weberror', (error) => {
    pageErrors.push(error.error().message);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  return {
    context,
    page,
    foreign,
    pageErrors,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** An article whose comments are open and published at once (not pre-moderated, not closed). */
export async function openArticlePath(server: Server): Promise<string> {
  const home = await (await fetch(`${server.url}/`)).text();
  const paths = [...new Set([...home.matchAll(/href="(\/[a-z0-9-]+\/[a-z0-9-]+)"/g)].map((m) => m[1]!))];
  for (const path of paths) {
    if (path.startsWith('/tema/') || path.startsWith('/avtor/') || path.startsWith('/arhiv/')) continue;
    const res = await fetch(`${server.url}${path}`);
    if (res.status !== 200) continue;
    const html = await res.text();
    const open = html.includes('id="comment-form"') && !html.includes('след одобрение от модератор');
    if (open) return path;
  }
  throw new Error('no article with open comments is linked from the home page');
}

/** An element's text as written in the page (CSS text-transform does not apply), trimmed. */
export async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim();
}

/** The number shown in [data-comment-count] ("3 коментара" → 3). */
export async function commentCount(page: Page): Promise<number> {
  const shown = await text(page.locator('#comments [data-comment-count]'));
  const match = /\d+/.exec(shown.replace(/\s/g, ''));
  if (!match) throw new Error(`no number in the comment count "${shown}"`);
  return Number(match[0]);
}

/** A comment text no other run or test can have produced. */
export function uniqueText(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
