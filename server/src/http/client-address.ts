import { isIPv6 } from "node:net";

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** The eight 16-bit groups of an IPv6 address, with `::` expanded (a trailing dotted IPv4 part counts as two). */
function ipv6Groups(ip: string): number[] {
  const groups = (part: string) =>
    part ? part.split(":").flatMap((g) => (g.includes(".") ? [0, 0] : [Number.parseInt(g, 16)])) : [];
  const [head = "", tail] = ip.split("::");
  const first = groups(head);
  if (tail === undefined) return first;
  const last = groups(tail);
  return [...first, ...Array<number>(8 - first.length - last.length).fill(0), ...last];
}

/**
 * What one client's attempts are counted under for rate limits. An IPv6 host usually holds a whole /64 and can take
 * a fresh address for every request, so IPv6 counts per /64; IPv4 (also written IPv4-mapped) per address.
 */
export function clientAddressKey(ip: string | undefined): string {
  if (!ip) return "unknown";
  const mapped = MAPPED_IPV4.exec(ip);
  if (mapped) return mapped[1]!;
  const bare = ip.split("%")[0]!;
  if (!isIPv6(bare)) return ip;
  return `${ipv6Groups(bare)
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}
