import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { checkWebhookUrlForm } from '../../shared/webhooks.js';

// Server-side request forgery: a webhook URL is chosen by a tenant's administrator, and
// the server posts to it, so it must not reach what only the server can reach (a cloud
// metadata service at 169.254.169.254, a database on 10.x, the server's own loopback).
// The host is resolved when the webhook is created or changed and again at each delivery,
// where the connection goes to the address that was checked (no second lookup a DNS
// answer could change in between). KEYPLANE_WEBHOOKS_ALLOW_PRIVATE=true lifts the rule,
// for receivers on a private network, and tests.

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 included
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64: an IPv4 address behind it
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv6');

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** An IPv4-mapped IPv6 address (::ffff:10.0.0.1, or its hex form) as the IPv4 address it is. */
function unmapped(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const lower = address.toLowerCase();
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return { address: dotted[1], family: 'ipv4' };
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const high = parseInt(hex[1], 16);
    const low = parseInt(hex[2], 16);
    return { address: [high >> 8, high & 255, low >> 8, low & 255].join('.'), family: 'ipv4' };
  }
  return { address, family: isIP(address) === 4 ? 'ipv4' : 'ipv6' };
}

/** Whether an address is private, loopback, link-local, unspecified or otherwise not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const { address: plain, family } = unmapped(address);
  return PRIVATE.check(plain, family);
}

export function isLoopbackAddress(address: string): boolean {
  const { address: plain, family } = unmapped(address);
  return LOOPBACK.check(plain, family);
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

/** Every address a host name resolves to (dns.lookup, all: what the operating system would connect to). */
export const resolveAll: Resolve = async (hostname) => {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  if (isIP(bare)) return [{ address: bare, family: isIP(bare) as 4 | 6 }];
  return (await lookup(bare, { all: true, verbatim: true })).map((entry) => ({ address: entry.address, family: entry.family as 4 | 6 }));
};

export type AddressCheck = { ok: true; url: URL; addresses: ResolvedAddress[] } | { ok: false; message: string };

/**
 * Whether the server may post to this URL now: its form (shared/webhooks.ts), then every
 * address its host resolves to. http:// only to loopback, and only where private addresses
 * are allowed.
 */
export async function checkWebhookTarget(text: string, allowPrivate: boolean, resolve: Resolve = resolveAll): Promise<AddressCheck> {
  const form = checkWebhookUrlForm(text);
  if (!form.ok) return form;
  const { url } = form;
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolve(url.hostname);
  } catch (error) {
    return { ok: false, message: `The host ${url.hostname} could not be resolved (${(error as NodeJS.ErrnoException).code ?? 'no address'}).` };
  }
  if (addresses.length === 0) return { ok: false, message: `The host ${url.hostname} has no address.` };
  if (url.protocol === 'http:' && !(allowPrivate && addresses.every((entry) => isLoopbackAddress(entry.address)))) {
    return {
      ok: false,
      message: 'The URL must start with https:// (http:// is only for a receiver on this machine, with KEYPLANE_WEBHOOKS_ALLOW_PRIVATE=true).',
    };
  }
  const refused = allowPrivate ? undefined : addresses.find((entry) => isPrivateAddress(entry.address));
  if (refused) {
    return {
      ok: false,
      message: `The host ${url.hostname} resolves to ${refused.address}, a private, loopback or link-local address, which webhooks may not reach (an operator can allow it: KEYPLANE_WEBHOOKS_ALLOW_PRIVATE=true).`,
    };
  }
  return { ok: true, url, addresses };
}
