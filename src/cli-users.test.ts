import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from './accounts/passwords.js';
import { openDatabase } from './db/index.js';

// Runs the built CLI (vitest's global setup builds dist/) against a fresh SQLite file.
describe('vestnik users add', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vestnik-cli-users-'));
  const file = join(dir, 'v.db');
  const env = { DATA_DIR: dir, DATABASE_URL: `sqlite:${file}`, PASSWORD_COST: '10', VESTNIK_PASSWORD: '' };
  const run = (args: string[], extra: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['dist/cli.js', 'users', 'add', ...args], {
      env: { ...process.env, ...env, ...extra },
      encoding: 'utf8',
      timeout: 20_000,
    });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds a verified user with the role, migrating the database first', async () => {
    const r = run([
      '--email',
      'Redaktor@Vestnik.example',
      '--name',
      'Главен редактор',
      '--role',
      'editor',
      '--password',
      'дълга-и-сигурна',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^user added: #\d+ redaktor@vestnik\.example \(editor\)$/m);

    const fromEnv = run(
      ['--email', 'moderator@vestnik.example', '--name', 'Модератор', '--role', 'moderator'],
      {
        VESTNIK_PASSWORD: 'друга-дълга-парола',
      },
    );
    expect(fromEnv.status, fromEnv.stderr).toBe(0);

    const handle = openDatabase({ kind: 'sqlite', file });
    try {
      const rows = await handle.db
        .selectFrom('users')
        .select(['email', 'display_name', 'role', 'email_verified_at', 'password_hash'])
        .orderBy('id')
        .execute();
      expect(rows.map((u) => [u.email, u.display_name, u.role, u.email_verified_at !== null])).toEqual([
        ['redaktor@vestnik.example', 'Главен редактор', 'editor', true],
        ['moderator@vestnik.example', 'Модератор', 'moderator', true],
      ]);
      expect(rows[1]?.password_hash).toMatch(/^scrypt\$10\$/);
      expect((await verifyPassword('друга-дълга-парола', rows[1]?.password_hash ?? '', 10)).ok).toBe(true);
    } finally {
      await handle.destroy();
    }
  });

  it('refuses a bad role, a missing password and invalid fields, naming the option', () => {
    const role = run([
      '--email',
      'a@vestnik.example',
      '--name',
      'Някой',
      '--role',
      'boss',
      '--password',
      'дълга-и-сигурна',
    ]);
    expect(role.status).toBe(2);
    expect(role.stderr).toContain(
      'error: --role: expected one of reader, contributor, author, moderator, editor, admin',
    );

    const noPassword = run(['--email', 'a@vestnik.example', '--name', 'Някой', '--role', 'reader']);
    expect(noPassword.status).toBe(2);
    expect(noPassword.stderr).toContain('error: --password: required');

    const invalid = run([
      '--email',
      'not-an-email',
      '--name',
      'Я',
      '--role',
      'reader',
      '--password',
      'parola1234',
    ]);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain('error: --email: not a valid email address');
    expect(invalid.stderr).toContain('error: --name: at least 2 characters');
    expect(invalid.stderr).toContain('error: --password: too common');

    const taken = run([
      '--email',
      'REDAKTOR@vestnik.example',
      '--name',
      'Друг',
      '--role',
      'admin',
      '--password',
      'дълга-и-сигурна',
    ]);
    expect(taken.status).toBe(2);
    expect(taken.stderr).toContain('error: --email: a user with this email already exists');
  });
});
