/**
 * STIX 2.1 patterns for indicator values. The kind of a value is the campaign's when it is a campaign
 * indicator, else read from its shape (a value typed by a team or raised by a noisy sensor). String
 * literals escape backslash and quote as STIX patterning requires.
 */
import type { IndicatorKindT } from '../../engine/index.ts';

/** A STIX pattern string literal: 'text' with \ and ' escaped. */
export function stixString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}(\/\d{1,2})?$/;
const IPV6 = /^[0-9a-f:]+:[0-9a-f:]*(\/\d{1,3})?$/i;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;
const REGISTRY = /^(HKLM|HKCU|HKCR|HKU|HKCC|HKEY_[A-Z_]+)\\/i;
const FILE_EXT = /\.(exe|dll|sys|ps1|bat|cmd|vbs|js|jar|docm|xlsm|doc|xls|pdf|zip|rar|7z|aspx|asp|php|jsp|pub|key|lnk|scr|hta|bin|dat|tmp)$/i;

export type ValueKind = IndicatorKindT | 'ipv6' | 'sha1' | 'unknown';

/** The kind of an indicator value read from its shape. */
export function inferKind(value: string): ValueKind {
  if (/^[a-f0-9]{64}$/i.test(value)) return 'sha256';
  if (/^[a-f0-9]{40}$/i.test(value)) return 'sha1';
  if (/^[a-f0-9]{32}$/i.test(value)) return 'md5';
  if (IPV4.test(value)) return 'ipv4';
  if (URL.test(value)) return 'url';
  if (EMAIL.test(value)) return 'email';
  if (REGISTRY.test(value)) return 'registry-key';
  if (FILE_EXT.test(value) && !value.includes('/')) return 'filename';
  if (DOMAIN.test(value)) return 'domain';
  if (IPV6.test(value) && value.includes('::')) return 'ipv6';
  if (/^Mozilla\/|^[A-Za-z-]+\/\d/.test(value)) return 'user-agent';
  return 'unknown';
}

/** The STIX pattern that matches a value of a kind. */
export function stixPattern(kind: ValueKind, value: string): string {
  const v = stixString(value);
  switch (kind) {
    case 'sha256':
      return `[file:hashes.'SHA-256' = ${v}]`;
    case 'sha1':
      return `[file:hashes.'SHA-1' = ${v}]`;
    case 'md5':
      return `[file:hashes.MD5 = ${v}]`;
    case 'ipv4':
      return `[ipv4-addr:value = ${v}]`;
    case 'ipv6':
      return `[ipv6-addr:value = ${v}]`;
    case 'domain':
      return `[domain-name:value = ${v}]`;
    case 'url':
      return `[url:value = ${v}]`;
    case 'email':
      return `[email-addr:value = ${v}]`;
    case 'filename':
      return `[file:name = ${v}]`;
    case 'registry-key':
      return `[windows-registry-key:key = ${v}]`;
    case 'mutex':
      return `[mutex:name = ${v}]`;
    case 'user-agent':
      return `[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' = ${v}]`;
    // A value of no known shape: match it as an artifact's content is not possible without bytes,
    // so fall back to a file name, the most common free-text indicator.
    case 'unknown':
      return `[file:name = ${v}]`;
  }
}

/** Human label of a kind, for indicator names. */
export const KIND_LABEL: Record<ValueKind, string> = {
  sha256: 'SHA-256',
  sha1: 'SHA-1',
  md5: 'MD5',
  ipv4: 'IPv4',
  ipv6: 'IPv6',
  domain: 'Domain',
  url: 'URL',
  email: 'Email address',
  filename: 'File name',
  'registry-key': 'Registry key',
  mutex: 'Mutex',
  'user-agent': 'User-Agent',
  unknown: 'Value',
};
