import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalMediaStorage, newStorageKey } from './storage.js';
import { variantUrl } from './urls.js';

describe('the local media folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'vestnik-storage-'));
  const storage = new LocalMediaStorage(root);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('makes keys from the month and a random folder name', () => {
    const key = newStorageKey(Date.UTC(2026, 10, 30, 23, 0));
    expect(key).toMatch(/^2026\/11\/[0-9a-f]{24}$/);
    expect(newStorageKey(0)).not.toBe(newStorageKey(0));
  });

  it('writes files whole (no temp file left), answers their URL and removes the folder', async () => {
    const key = newStorageKey(Date.UTC(2026, 0, 5));
    await storage.put(key, '480.jpg', Buffer.from('първо'));
    await storage.put(key, '480.jpg', Buffer.from('второ'));
    expect(readdirSync(join(root, key))).toEqual(['480.jpg']);
    expect(readFileSync(join(root, key, '480.jpg'), 'utf8')).toBe('второ');
    expect(await storage.size(key, '480.jpg')).toBe(Buffer.byteLength('второ'));
    expect(await storage.size(key, '960.jpg')).toBeNull();
    expect(storage.url(key, '480.jpg')).toBe(`/media/${key}/480.jpg`);
    expect(storage.url(key, '480.jpg')).toBe(variantUrl(key, 480, 'jpg'));
    await storage.remove(key);
    expect(readdirSync(join(root, '2026', '01'))).toEqual([]);
    expect(await storage.size(key, '480.jpg')).toBeNull();
    await storage.remove(key);
  });

  it('never lets a key or a name leave the folder', async () => {
    await expect(storage.put('../../etc', 'passwd', Buffer.from('x'))).rejects.toThrow('bad media key');
    await expect(storage.put('2026/11/0123456789abcdef', '../x.jpg', Buffer.from('x'))).rejects.toThrow(
      'bad media file name',
    );
    await expect(storage.remove('2026/11/..')).rejects.toThrow('bad media key');
    expect(() => storage.url('2026/11/<script>', '1.jpg')).toThrow('bad media key');
  });
});
