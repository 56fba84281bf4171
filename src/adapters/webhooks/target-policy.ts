import ipaddr from 'ipaddr.js';
import type { WebhookTargetRefusal } from '../../application/ports/index.ts';

/** Where webhooks may go: private targets only when the operator allows them (tests, a closed network). */
export type TargetPolicy = { allowPrivateTargets: boolean; requireHttps: boolean };

/**
 * A public unicast address: not loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7),
 * link-local (169.254/16 with the clouds' metadata service, fe80::/10), CGNAT (100.64/10),
 * unspecified (0.0.0.0/8, ::), multicast, broadcast, documentation or reserved. An IPv4-mapped IPv6
 * address (::ffff:127.0.0.1) is judged as the IPv4 address it carries; the other IPv6 forms that
 * carry an IPv4 address (NAT64, 6to4, Teredo, IPv4-compatible ::/96) are refused, since what
 * they reach depends on the network.
 */
export const isPublicAddress = (address: string): boolean => {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).parts[0] === 0) return false;
  return parsed.range() === 'unicast';
};

/** The host of a URL, without the brackets of an IPv6 literal or the final dot of an absolute name. */
const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');

/** Names that mean this machine whatever the DNS says (RFC 6761). */
const isLocalName = (host: string): boolean => {
  const name = host.toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost');
};

/**
 * The address as written, before any DNS: the URL parser has already turned 2130706433, 0x7f.1 or
 * 127.1 into 127.0.0.1. A name is resolved, and each of its addresses checked, at each delivery.
 */
export const refusalOf = (url: URL, policy: TargetPolicy): WebhookTargetRefusal | undefined => {
  if (policy.allowPrivateTargets) return undefined;
  if (policy.requireHttps && url.protocol !== 'https:') return 'https_required';
  const host = hostOf(url);
  if (isLocalName(host)) return 'private_address';
  if (ipaddr.isValid(host) && !isPublicAddress(host)) return 'private_address';
  return undefined;
};
