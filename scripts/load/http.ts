// A deliberately cheap HTTP/1.1 client for the load generator: node:http with a keep-alive
// agent, no WHATWG streams (fetch costs several times the CPU per request, and the generator
// shares the machine's cores with the server it measures). Each simulated player has its own
// client holding one persistent connection, as a browser would: opened during set-up, so the
// measured window never pays TCP handshakes (a shared pool opened ~1 000 connections at once
// when the window started, overflowing the server's accept queue of 511: SYN retransmits, 1 s,
// 3 s, 7 s, 15 s... of pure client-side waiting).
import { Agent, request } from 'node:http';

export interface HttpResult {
  status: number;
  /** The raw body; parsed only by the callers that need it. */
  body: string;
  /** Set for network failures (status 0). */
  error?: string;
}

export class HttpClient {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string, maxSockets = Infinity) {
    const url = new URL(baseUrl);
    if (url.protocol !== 'http:') throw new Error(`only http:// targets are supported: ${baseUrl}`);
    this.host = url.hostname;
    this.port = Number(url.port || 80);
    this.agent = new Agent({ keepAlive: true, maxSockets, scheduling: 'lifo' });
  }

  send(method: string, path: string, token: string, body?: unknown): Promise<HttpResult> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string | number> = {};
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    if (token) headers.authorization = `Bearer ${token}`;
    return this.sendWithHeaders(method, path, headers, payload);
  }

  sendWithHeaders(
    method: string,
    path: string,
    headers: Record<string, string | number>,
    payload?: string,
  ): Promise<HttpResult> {
    return new Promise((resolve) => {
      const req = request(
        { host: this.host, port: this.port, method, path, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: chunks.length === 1 ? chunks[0]!.toString() : Buffer.concat(chunks).toString(),
            }),
          );
          res.on('error', (err) => resolve({ status: 0, body: '', error: err.message }));
        },
      );
      req.on('error', (err) => resolve({ status: 0, body: '', error: err.message }));
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
