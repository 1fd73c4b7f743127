import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// These run the built files (vitest's global setup builds them).
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 20_000 });

describe('vestnik command and start-up', () => {
  it('--help lists the commands', () => {
    const r = run(['bin/vestnik.js', '--help']);
    expect(r.status).toBe(0);
    for (const cmd of ['start', 'migrate', 'demo', 'reindex']) expect(r.stdout).toContain(cmd);
  });

  it('an unknown command fails with a message', () => {
    const r = run(['bin/vestnik.js', 'frobnicate']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('frobnicate');
  });

  it.each([
    ['PORT', 'abc'],
    ['DATABASE_URL', 'mysql://nope'],
    ['LOCALE', 'fr'],
  ])('the server refuses %s=%s at start, naming the variable', (name, value) => {
    const r = run(['dist/main.js'], { [name]: value });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${name}:`);
  });
});

describe('vestnik demo', () => {
  it('refuses a database with content, and --reset reloads it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vestnik-cli-'));
    const env = { DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'v.db')}` };
    try {
      const first = run(['bin/vestnik.js', 'demo'], env);
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/demo loaded: \d+ articles/);
      const again = run(['bin/vestnik.js', 'demo'], env);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('--reset');
      const reset = run(['bin/vestnik.js', 'demo', '--reset'], env);
      expect(reset.status, reset.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('vestnik reindex', () => {
  it('rebuilds the search index of the demo content', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vestnik-cli-'));
    const env = { DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'v.db')}` };
    try {
      const demo = run(['bin/vestnik.js', 'demo'], env);
      expect(demo.status, demo.stderr).toBe(0);
      const articles = Number(/demo loaded: (\d+) articles/.exec(demo.stdout)?.[1]);
      const r = run(['bin/vestnik.js', 'reindex', '--related'], env);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain(
        `${articles} articles indexed, 0 stale entries removed, ${articles} related lists`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
