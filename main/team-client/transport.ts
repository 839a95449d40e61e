/**
 * HTTP(S) requests to a team server from the desktop app's main process and the command line.
 * A server with a certificate from a trusted authority is checked as usual; a self-signed one is
 * accepted only when its certificate's SHA-256 fingerprint is the one the user was given: the
 * TLS handshake finishes, the fingerprint is compared, and only then is anything sent.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { normalizeFingerprint } from '../web/team/tls-identity';

export interface ServerAddress {
  /** `https://host:port/` or, on the same machine, `http://127.0.0.1:port/`. */
  url: string;
  /** The certificate's SHA-256 fingerprint, for a server whose certificate signed itself. */
  fingerprint?: string;
}

export interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
}

export class FingerprintMismatch extends Error {
  constructor(readonly expected: string, readonly got: string) {
    super(`The server's certificate has the fingerprint ${got}, not ${expected}: not sending anything to it.`);
    this.name = 'FingerprintMismatch';
  }
}

export interface Transport {
  readonly base: URL;
  /** Sends one request; the response as it comes (for streams), or rejects when unreachable. */
  open(method: string, path: string, headers: Record<string, string>, body?: string, timeoutMs?: number): Promise<IncomingMessage>;
  request(method: string, path: string, headers: Record<string, string>, body?: string, timeoutMs?: number): Promise<Answer>;
  close(): void;
}

async function pinnedSocket(url: URL, fingerprint: string, timeoutMs: number): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const port = Number(url.port || 443);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // Chain checks are replaced by the pin: the fingerprint names exactly one certificate.
    const socket = tlsConnect({ host, port, servername: /^[\d.]+$|:/.test(host) ? undefined : host, rejectUnauthorized: false, minVersion: 'TLSv1.2' });
    const timer = setTimeout(() => socket.destroy(new Error(`The team server at ${url.origin} did not answer within ${timeoutMs} ms.`)), timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const got = socket.getPeerCertificate().fingerprint256 ?? '';
      if (got.toUpperCase() !== fingerprint) {
        socket.destroy();
        reject(new FingerprintMismatch(fingerprint, got));
      } else resolve(socket);
    });
    socket.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

export function transport(addr: ServerAddress): Transport {
  const base = new URL(addr.url);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new Error(`${addr.url} is not an http(s) address`);
  const pin = addr.fingerprint === undefined ? null : normalizeFingerprint(addr.fingerprint);
  if (addr.fingerprint !== undefined && !pin) throw new Error(`${addr.fingerprint} is not a SHA-256 fingerprint (64 hex digits)`);
  const secure = base.protocol === 'https:';
  const agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });

  async function open(method: string, path: string, headers: Record<string, string>, body?: string, timeoutMs = 30_000): Promise<IncomingMessage> {
    const target = new URL(path, base);
    const socket = secure && pin ? await pinnedSocket(base, pin, timeoutMs) : null;
    return new Promise((resolve, reject) => {
      const opts = {
        method,
        protocol: socket ? 'http:' : base.protocol,
        hostname: base.hostname.replace(/^\[|\]$/g, ''),
        port: base.port || (secure ? 443 : 80),
        path: target.pathname + target.search,
        headers: { ...headers, ...(body !== undefined ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}) },
        // The pinned socket already speaks TLS: plain HTTP goes over it, with no agent.
        ...(socket ? { createConnection: () => socket } : { agent }),
      };
      const req = (secure && !socket ? httpsRequest : httpRequest)(opts, resolve);
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`The team server at ${base.origin} did not answer within ${Math.round(timeoutMs / 1000)} s.`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  return {
    base,
    open,
    async request(method, path, headers, body, timeoutMs) {
      const res = await open(method, path, headers, body, timeoutMs);
      const chunks: Buffer[] = [];
      for await (const c of res as AsyncIterable<Buffer>) chunks.push(c);
      return { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') };
    },
    close: () => agent.destroy(),
  };
}
