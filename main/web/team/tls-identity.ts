/**
 * The server's TLS certificate as people see it: its SHA-256 fingerprint (what a desktop pins a
 * self-signed server by) and whether it signed itself.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface TlsIdentity {
  cert: Buffer;
  key: Buffer;
  /** `AB:CD:…` (32 bytes, upper-case hex), as browsers and `openssl x509 -fingerprint -sha256` show it. */
  fingerprint: string;
  selfSigned: boolean;
}

export function tlsIdentity(cert: Buffer, key: Buffer): TlsIdentity {
  const x = new X509Certificate(cert);
  const selfSigned = x.issuer === x.subject && x.checkIssued(x) && x.verify(x.publicKey);
  return { cert, key, fingerprint: x.fingerprint256, selfSigned };
}

/** Reads the two PEM files; a clear sentence when one is missing or not a certificate. */
export function readTlsIdentity(certFile: string, keyFile: string): TlsIdentity {
  let cert: Buffer;
  let key: Buffer;
  try {
    cert = readFileSync(certFile);
  } catch (e) {
    throw new Error(`Cannot read the certificate ${certFile}: ${(e as Error).message}`);
  }
  try {
    key = readFileSync(keyFile);
  } catch (e) {
    throw new Error(`Cannot read the private key ${keyFile}: ${(e as Error).message}`);
  }
  try {
    return tlsIdentity(cert, key);
  } catch {
    throw new Error(`${certFile} is not a PEM certificate.`);
  }
}

/** `ab:cd…`, `ABCD…` or `sha256/…`-free hex as typed by a person → the canonical `AB:CD:…`, or null. */
export function normalizeFingerprint(s: string): string | null {
  const hex = s.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}
