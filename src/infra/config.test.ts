import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ kind: 'sqlite', file: './data/vestnik.db' });
    expect(c.locale).toBe('bg');
    expect(c.siteName).toBe('Вестник');
    expect(c.siteUrl).toBe('http://localhost:3000');
  });

  it('reads PostgreSQL URLs and English', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/news',
      LOCALE: 'en',
      SITE_URL: 'https://news.example/',
    });
    expect(c.database.kind).toBe('postgres');
    expect(c.siteName).toBe('Vestnik');
    expect(c.siteUrl).toBe('https://news.example');
  });

  it('limits image uploads to 20 MiB and 50 megapixels unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ mediaMaxBytes: 20 * 1024 * 1024, mediaMaxPixels: 50_000_000 });
    const c = loadConfig({ MEDIA_MAX_BYTES: '5242880', MEDIA_MAX_PIXELS: '24000000' });
    expect(c).toMatchObject({ mediaMaxBytes: 5_242_880, mediaMaxPixels: 24_000_000 });
  });

  it('lets the Content API be called from the origins named, or from none by default', () => {
    expect(loadConfig({}).apiCorsOrigins).toEqual([]);
    expect(loadConfig({ API_CORS_ORIGINS: '*' }).apiCorsOrigins).toBe('*');
    expect(
      loadConfig({ API_CORS_ORIGINS: 'https://app.example.bg, http://localhost:5173' }).apiCorsOrigins,
    ).toEqual(['https://app.example.bg', 'http://localhost:5173']);
  });

  it.each([
    ['API_CORS_ORIGINS', 'https://app.example.bg/path'],
    ['API_CORS_ORIGINS', 'app.example.bg'],
    ['API_CORS_ORIGINS', 'ftp://files.example.bg'],
    ['API_PER_MINUTE', '0'],
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_URL', 'sqlite:'],
    ['SITE_URL', 'not a url'],
    ['SITE_URL', 'ftp://x'],
    ['LOCALE', 'de'],
    ['TIMEZONE', 'Mars/Olympus'],
    ['PAGE_CACHE', 'maybe'],
    ['SITE_NAME', 'x'.repeat(81)],
    ['MEDIA_MAX_BYTES', '20MB'],
    ['MEDIA_MAX_BYTES', '100'],
    ['MEDIA_MAX_PIXELS', '999999999'],
  ])('%s=%s stops with a message naming the variable', (name, value) => {
    try {
      loadConfig({ [name]: value });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).variable).toBe(name);
      expect((err as Error).message.startsWith(`${name}:`)).toBe(true);
    }
  });
});
