// IP anonymisation for the collector (never bundled into dist/garde.js): an address is
// personal data, its network prefix much less so. Parsing is left to ipaddr.js, because
// hand-written IPv6 parsing is where the bugs live.
import ipaddr from 'ipaddr.js';

/** How many leading bits to keep. */
export interface AnonymiseIpOptions {
  /** IPv4 bits kept, 0–32; default 16 (`203.0.113.7` → `203.0.0.0`). */
  v4Bits?: number;
  /** IPv6 bits kept, 0–128; default 48 (`2001:db8:85a3:8d3::7` → `2001:db8:85a3::`). */
  v6Bits?: number;
}

/** Keeps the first `bits` bits of an address's bytes, zeroing the rest. */
function mask(bytes: number[], bits: number): number[] {
  return bytes.map((byte, index) => {
    const start = index * 8;
    if (start >= bits) return 0;
    if (start + 8 <= bits) return byte;
    return byte & (0xff << (8 - (bits - start)));
  });
}

const checkBits = (bits: number, max: number, name: string): number => {
  if (!Number.isInteger(bits) || bits < 0 || bits > max) {
    throw new RangeError(`anonymiseIp: ${name} must be an integer from 0 to ${max}, got ${bits}`);
  }
  return bits;
};

/**
 * Zeroes the host part of an IP address: IPv4 keeps its first 16 bits by default, IPv6
 * its first 48. An IPv4-mapped IPv6 address (`::ffff:203.0.113.7`) is treated as the IPv4
 * address it carries and returned as IPv4. Accepted forms besides the plain ones:
 * `[v6]`, `[v6]:port`, `v4:port`, surrounding spaces, and a zone id (`fe80::1%eth0`, dropped).
 * IPv4 must be dotted decimal with four parts (no `127.1` or `0x7f.0.0.1`). Anything else gives
 * null.
 * Out-of-range options throw a RangeError (a programming error, not bad input).
 */
export function anonymiseIp(ip: string, options: AnonymiseIpOptions = {}): string | null {
  const v4Bits = checkBits(options.v4Bits ?? 16, 32, 'v4Bits');
  const v6Bits = checkBits(options.v6Bits ?? 48, 128, 'v6Bits');
  if (typeof ip !== 'string') return null;
  // `[v6]:port` or `v4:port`: the port goes, but only a real one (1–65535).
  const hostPort = /^(?:\[([^\]]+)\]|([\d.]+))(?::(\d{1,5}))?$/.exec(ip.trim());
  if (hostPort?.[3] && (+hostPort[3] < 1 || +hostPort[3] > 65535)) return null;
  const bracketed = hostPort?.[1];
  const address = (bracketed ?? hostPort?.[2] ?? ip.trim()).replace(/%[\w.-]+$/, '');
  if (!bracketed && ipaddr.IPv4.isValidFourPartDecimal(address)) {
    return ipaddr.fromByteArray(mask(ipaddr.IPv4.parse(address).toByteArray(), v4Bits)).toString();
  }
  if (!ipaddr.IPv6.isValid(address)) return null;
  const v6 = ipaddr.IPv6.parse(address);
  if (v6.isIPv4MappedAddress()) {
    return ipaddr.fromByteArray(mask(v6.toIPv4Address().toByteArray(), v4Bits)).toString();
  }
  return ipaddr.fromByteArray(mask(v6.toByteArray(), v6Bits)).toString();
}
