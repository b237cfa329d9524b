// IP addresses and what anonymiseIp must make of them; run in Node and in Chromium.
import type { AnonymiseIpOptions } from '../../src/minimise/ip.js';

export const IP_CASES: {
  ip: string;
  options?: AnonymiseIpOptions;
  expected: string | null;
  note?: string;
}[] = [
  // IPv4: /16 by default
  { ip: '203.0.113.7', expected: '203.0.0.0' },
  { ip: '192.168.1.254', expected: '192.168.0.0' },
  { ip: '8.8.8.8', expected: '8.8.0.0' },
  { ip: '255.255.255.255', expected: '255.255.0.0' },
  { ip: '0.0.0.0', expected: '0.0.0.0' },
  { ip: ' 10.1.2.3 ', expected: '10.1.0.0', note: 'surrounding spaces' },
  { ip: '203.0.113.7:443', expected: '203.0.0.0', note: 'with a port' },
  { ip: '203.0.113.7', options: { v4Bits: 24 }, expected: '203.0.113.0' },
  {
    ip: '203.0.113.7',
    options: { v4Bits: 20 },
    expected: '203.0.112.0',
    note: 'prefix inside a byte',
  },
  { ip: '203.0.113.7', options: { v4Bits: 0 }, expected: '0.0.0.0' },
  { ip: '203.0.113.7', options: { v4Bits: 32 }, expected: '203.0.113.7' },
  // IPv6: /48 by default
  { ip: '2001:db8:85a3:8d3:1319:8a2e:370:7348', expected: '2001:db8:85a3::' },
  {
    ip: '2001:0DB8:85A3:08D3:1319:8A2E:0370:7348',
    expected: '2001:db8:85a3::',
    note: 'upper case, leading zeros',
  },
  {
    ip: '2a02:a03f:6a8b:d00:b5c1:4f2e:9d0a:1b2c',
    expected: '2a02:a03f:6a8b::',
    note: 'a Belgian ISP prefix',
  },
  { ip: '2001:db8::1', expected: '2001:db8::' },
  { ip: '::1', expected: '::' },
  { ip: '::', expected: '::' },
  { ip: 'fe80::1%eth0', expected: 'fe80::', note: 'zone id dropped' },
  { ip: '[2001:db8:85a3::7]', expected: '2001:db8:85a3::', note: 'brackets' },
  { ip: '[2001:db8:85a3::7]:8080', expected: '2001:db8:85a3::', note: 'brackets and port' },
  { ip: '[fe80::1%25eth0]:80', expected: 'fe80::', note: 'URL-encoded zone id in brackets' },
  { ip: '2001:db8:85a3:8d3::7', options: { v6Bits: 56 }, expected: '2001:db8:85a3:800::' },
  { ip: '2001:db8:85a3:8d3::7', options: { v6Bits: 64 }, expected: '2001:db8:85a3:8d3::' },
  { ip: '2001:db8:85a3:8d3::7', options: { v6Bits: 128 }, expected: '2001:db8:85a3:8d3::7' },
  // IPv4-mapped IPv6: treated and returned as IPv4
  { ip: '::ffff:203.0.113.7', expected: '203.0.0.0' },
  { ip: '::FFFF:203.0.113.7', expected: '203.0.0.0' },
  { ip: '::ffff:cb00:7107', expected: '203.0.0.0', note: 'hexadecimal form' },
  { ip: '[::ffff:203.0.113.7]:443', expected: '203.0.0.0' },
  {
    ip: '::ffff:203.0.113.7',
    options: { v4Bits: 24, v6Bits: 0 },
    expected: '203.0.113.0',
    note: 'v4Bits apply',
  },
  { ip: '0:0:0:0:0:ffff:203.0.113.7', expected: '203.0.0.0' },
  // Invalid: null
  { ip: '', expected: null },
  { ip: 'localhost', expected: null },
  { ip: 'not an ip', expected: null },
  { ip: '1.2.3.256', expected: null },
  { ip: '1.2.3', expected: null },
  { ip: '1.2.3.4.5', expected: null },
  { ip: '127.1', expected: null, note: 'short IPv4 forms are refused' },
  { ip: '0x7f.0.0.1', expected: null, note: 'hexadecimal IPv4 refused' },
  { ip: '2130706433', expected: null, note: 'integer IPv4 refused' },
  { ip: '01.02.03.04', expected: null, note: 'leading zeros (octal?) refused' },
  { ip: '[10.1.2.3]', expected: null, note: 'IPv4 in brackets' },
  { ip: '2001:db8::1/64', expected: null, note: 'CIDR' },
  { ip: '2001:db8:::1', expected: null },
  { ip: '2001:db8:1:2:3:4:5:6:7', expected: null },
  { ip: '::ffff:127.1', expected: null },
  { ip: '203.0.113.7:99999', expected: null, note: 'port too long' },
];
