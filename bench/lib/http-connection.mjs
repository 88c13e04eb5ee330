// A lean HTTP/1.1 keep-alive client for load generation: one connection, one request at a time, no parsing beyond the status and the body's length — so the measuring client costs little of the machine it measures.
import { Buffer } from 'node:buffer';
import net from 'node:net';

const CRLF2 = Buffer.from('\r\n\r\n');

export class HttpConnection {
  #socket;
  #buffer = Buffer.alloc(0);
  #pending = null;
  #ready;

  constructor(baseUrl) {
    const url = new URL(baseUrl);
    this.host = url.host;
    this.#socket = net.connect({ host: url.hostname, port: Number(url.port), noDelay: true });
    this.#ready = new Promise((resolve, reject) => {
      this.#socket.once('connect', resolve);
      this.#socket.once('error', reject);
    });
    this.#socket.on('data', (chunk) => this.#onData(chunk));
    this.#socket.on('error', (error) => this.#pending?.reject(error));
    this.#socket.on('close', () => this.#pending?.reject(new Error('connection closed')));
  }

  /** Sends one request and resolves with {status, text, ms} once the whole body has arrived. */
  async request(method, path, { headers = {}, body } = {}) {
    await this.#ready;
    if (this.#pending) throw new Error('one request at a time per connection');
    const payload = body === undefined ? null : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    let head = `${method} ${path} HTTP/1.1\r\nhost: ${this.host}\r\n`;
    for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
    if (payload) head += `content-type: application/json\r\ncontent-length: ${payload.length}\r\n`;
    head += '\r\n';
    const started = performance.now();
    return new Promise((resolve, reject) => {
      this.#pending = { resolve: (r) => resolve({ ...r, ms: performance.now() - started }), reject, headerEnd: -1, status: 0, length: 0, chunked: false };
      this.#socket.write(payload ? Buffer.concat([Buffer.from(head), payload]) : head);
    });
  }

  #onData(chunk) {
    this.#buffer = this.#buffer.length ? Buffer.concat([this.#buffer, chunk]) : chunk;
    const p = this.#pending;
    if (!p) return;
    if (p.headerEnd < 0) {
      const end = this.#buffer.indexOf(CRLF2);
      if (end < 0) return;
      const lines = this.#buffer.subarray(0, end).toString('latin1').split('\r\n');
      p.status = Number(lines[0].split(' ')[1]);
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).toLowerCase();
        const value = line.slice(colon + 1).trim();
        if (name === 'content-length') p.length = Number(value);
        if (name === 'transfer-encoding' && value.toLowerCase().includes('chunked')) p.chunked = true;
      }
      p.headerEnd = end + 4;
    }
    let body;
    let consumed;
    if (p.chunked) {
      const terminator = this.#buffer.indexOf('0\r\n\r\n', p.headerEnd);
      if (terminator < 0) return;
      consumed = terminator + 5;
      body = dechunk(this.#buffer.subarray(p.headerEnd, consumed));
    } else {
      if (this.#buffer.length < p.headerEnd + p.length) return;
      consumed = p.headerEnd + p.length;
      body = this.#buffer.subarray(p.headerEnd, consumed);
    }
    this.#buffer = this.#buffer.subarray(consumed);
    this.#pending = null;
    p.resolve({ status: p.status, text: body.toString('utf8') });
  }

  close() {
    this.#socket.end();
  }
}

function dechunk(raw) {
  const parts = [];
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', at);
    const size = parseInt(raw.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) break;
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
