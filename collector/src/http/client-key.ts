// The rate limit's key for a client. An IPv6 customer usually gets a whole /64 (often a /56 or /48), so
// keying on the full address would let one client rotate through 2^64 keys: IPv6 is counted per /64,
// IPv4 per address. The key lives only in the limiter's memory; it is never stored or logged.
import { anonymiseIp } from 'garde/minimise';

const PER_CLIENT = { v4Bits: 32, v6Bits: 64 } as const;

/** `192.0.2.7` → itself; `2001:db8:1:2:a:b:c:d` → `2001:db8:1:2::/64`; IPv4-mapped IPv6 as IPv4. */
export function clientKey(ip: string): string {
  const network = anonymiseIp(ip, PER_CLIENT);
  if (network === null) return ip;
  return network.includes(':') ? `${network}/64` : network;
}
