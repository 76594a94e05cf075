// Serve the built dashboard with the CSP the server sends, proxying the API to a running
// `gitstudio serve` (GITSTUDIO_URL, default http://127.0.0.1:8000), websockets included:
// for trying the build before the Python server serves it.  node scripts/serve-build.mjs [port]
import { createServer, request } from 'node:http';
import { connect } from 'node:net';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const root = new URL('../../gitstudio/static/dashboard/', import.meta.url).pathname;
const upstream = new URL(process.env.GITSTUDIO_URL ?? 'http://127.0.0.1:8000');
const port = Number(process.argv[2] ?? 5174);
const API = ['/graphql', '/api/', '/login', '/logout', '/graphiql'];
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; frame-ancestors 'none'";
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

function proxied(path) {
  return API.some((p) => path === p || path.startsWith(p));
}

const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (proxied(path)) {
    const headers = { ...req.headers, host: upstream.host };
    if (headers.origin) headers.origin = upstream.origin;
    const up = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
    return;
  }
  const file = path.startsWith('/assets/') ? normalize(join(root, path)) : join(root, 'index.html');
  if (!file.startsWith(root)) return res.writeHead(404).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CSP });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});

server.on('upgrade', (req, socket, head) => {
  const up = connect(Number(upstream.port), upstream.hostname, () => {
    const lines = [`${req.method} ${req.url} HTTP/1.1`];
    for (const [k, v] of Object.entries(req.headers)) {
      const value = k === 'host' ? upstream.host : k === 'origin' ? upstream.origin : v;
      lines.push(`${k}: ${value}`);
    }
    up.write(lines.join('\r\n') + '\r\n\r\n');
    up.write(head);
    up.pipe(socket);
    socket.pipe(up);
  });
  up.on('error', () => socket.destroy());
  socket.on('error', () => up.destroy());
});

server.listen(port, '127.0.0.1', () => console.log(`dashboard on http://127.0.0.1:${port} -> ${upstream.origin}`));
