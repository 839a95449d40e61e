/**
 * RFC 8785 (JSON Canonicalization Scheme): sorted keys, no whitespace, numbers in ECMAScript
 * shortest form. The `canonicalize` package is the reference implementation by the RFC's author;
 * this wrapper only refuses what has no canonical form instead of returning `undefined`.
 */
import canonicalize from 'canonicalize';

export function canonicalJson(value: unknown): string {
  const out = canonicalize(value);
  if (typeof out !== 'string') throw new Error('value has no JSON form');
  return out;
}

export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}
