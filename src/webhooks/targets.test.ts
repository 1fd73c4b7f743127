import { describe, expect, it } from 'vitest';
import { checkTargetUrl, isPrivateAddress, refusedTarget } from './targets.js';

describe('webhook target URLs', () => {
  it('takes http and https URLs and normalises them', () => {
    expect(checkTargetUrl(' https://hooks.example.com/vestnik?x=1#frag ', false)).toEqual({
      ok: true,
      url: 'https://hooks.example.com/vestnik?x=1',
    });
    expect(checkTargetUrl('http://93.184.216.34:8080/in', false)).toEqual({
      ok: true,
      url: 'http://93.184.216.34:8080/in',
    });
  });

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['not a url', 'invalid'],
    ['ftp://example.com/x', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['https://user:pass@example.com/', 'credentials'],
    [`https://example.com/${'a'.repeat(2000)}`, 'too-long'],
  ])('refuses %j (%s)', (raw, problem) => {
    expect(checkTargetUrl(raw, true)).toEqual({ ok: false, problem });
  });

  it.each([
    'http://127.0.0.1/hook',
    'http://localhost:8080/',
    'http://api.localhost/',
    'http://10.1.2.3/',
    'http://172.20.0.1/',
    'http://192.168.1.10/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.0.1/',
    'http://0.0.0.0/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
    'http://printer.local/',
  ])('refuses the private address %s unless allowed', (raw) => {
    expect(checkTargetUrl(raw, false)).toEqual({ ok: false, problem: 'private' });
    expect(checkTargetUrl(raw, true).ok).toBe(true);
  });

  it('tells private addresses from public ones', () => {
    expect(isPrivateAddress('8.8.8.8')).toBe(false);
    expect(isPrivateAddress('2a00:1450:4017:80b::200e')).toBe(false);
    expect(isPrivateAddress('::ffff:8.8.8.8')).toBe(false);
    expect(isPrivateAddress('::ffff:7f00:1')).toBe(true);
    expect(isPrivateAddress('172.32.0.1')).toBe(false);
    expect(isPrivateAddress('172.31.255.255')).toBe(true);
  });

  it('checks again when sending: a name for the loopback is refused', async () => {
    expect(await refusedTarget('http://localhost:9/hook', false)).toMatch(/refused/);
    expect(await refusedTarget('http://127.0.0.1:9/hook', false)).toMatch(/refused/);
    expect(await refusedTarget('http://127.0.0.1:9/hook', true)).toBeNull();
  });
});
