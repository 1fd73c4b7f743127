// Where a webhook may point. Only http(s), no credentials in the URL, and — unless the operator
// allows it (WEBHOOKS_ALLOW_PRIVATE) — nothing on loopback, link-local or private networks: a
// webhook is a request our server makes, and it must not become a way into the server's own
// network (SSRF). Names are checked again after DNS resolution when a delivery is sent.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export const URL_MAX = 2000;

export type TargetProblem = 'required' | 'too-long' | 'invalid' | 'scheme' | 'credentials' | 'private';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 3],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 127],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** Loopback, private, link-local, shared, documentation, multicast or reserved. */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '');
  const kind = isIP(ip);
  if (kind === 4) return blocked.check(ip, 'ipv4');
  if (kind !== 6) return false;
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1 or ::ffff:7f00:1) is that IPv4 address.
  const mapped = /^::ffff:(.+)$/i.exec(ip)?.[1];
  if (mapped !== undefined) {
    if (isIP(mapped) === 4) return blocked.check(mapped, 'ipv4');
    const [hi, lo] = mapped.split(':').map((h) => Number.parseInt(h, 16));
    if (hi !== undefined && lo !== undefined && !Number.isNaN(hi) && !Number.isNaN(lo)) {
      return blocked.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 'ipv4');
    }
  }
  return blocked.check(ip, 'ipv6');
}

const LOCAL_NAME = /(^|\.)(localhost|local|internal|home\.arpa)\.?$/i;

/** A target URL as typed into the form: the normalised URL, or what is wrong with it. */
export function checkTargetUrl(
  raw: string,
  allowPrivate: boolean,
): { ok: true; url: string } | { ok: false; problem: TargetProblem } {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: 'required' };
  if (text.length > URL_MAX) return { ok: false, problem: 'too-long' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: 'scheme' };
  if (url.hostname === '') return { ok: false, problem: 'invalid' };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'credentials' };
  if (!allowPrivate && (isPrivateAddress(url.hostname) || LOCAL_NAME.test(url.hostname)))
    return { ok: false, problem: 'private' };
  url.hash = '';
  return { ok: true, url: url.href };
}

/**
 * At sending time: a name that now resolves to a private address is refused, so a public-looking
 * name cannot be pointed inside later. Returns an error text, or null when the target may be used.
 */
export async function refusedTarget(url: string, allowPrivate: boolean): Promise<string | null> {
  if (allowPrivate) return null;
  const checked = checkTargetUrl(url, false);
  if (!checked.ok) return `target refused: ${checked.problem}`;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return null;
  const addresses = await lookup(host, { all: true, verbatim: true });
  const inside = addresses.find((a) => isPrivateAddress(a.address));
  return inside ? `target refused: ${host} resolves to a private address (${inside.address})` : null;
}
