import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('WEBHOOKS_ALLOW_PRIVATE', () => {
  it('is off unless turned on', () => {
    expect(loadConfig({}).webhooksAllowPrivate).toBe(false);
    expect(loadConfig({ WEBHOOKS_ALLOW_PRIVATE: 'on' }).webhooksAllowPrivate).toBe(true);
    expect(loadConfig({ WEBHOOKS_ALLOW_PRIVATE: 'off' }).webhooksAllowPrivate).toBe(false);
  });

  it('stops on a bad value with a message naming the variable', () => {
    expect(() => loadConfig({ WEBHOOKS_ALLOW_PRIVATE: 'maybe' })).toThrow(ConfigError);
    expect(() => loadConfig({ WEBHOOKS_ALLOW_PRIVATE: 'maybe' })).toThrow(/^WEBHOOKS_ALLOW_PRIVATE: /);
  });
});
