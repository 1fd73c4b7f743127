import { expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

it('TWITTER_SITE: none by default; an @handle, with or without the @', () => {
  expect(loadConfig({}).twitterSite).toBeNull();
  expect(loadConfig({ TWITTER_SITE: '@Vestnik_BG' }).twitterSite).toBe('@Vestnik_BG');
  expect(loadConfig({ TWITTER_SITE: ' vestnik ' }).twitterSite).toBe('@vestnik');
});

it.each(['@', '@vestnik-bg', '@кирилица', 'https://x.com/vestnik', '@a_handle_far_too_long', '@@vestnik'])(
  'TWITTER_SITE %s is refused naming the variable',
  (value) => {
    let caught: unknown;
    try {
      loadConfig({ TWITTER_SITE: value });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe('TWITTER_SITE');
    expect((caught as ConfigError).message).toContain('@handle');
  },
);
