// Child process of bench/ws.ts: opens one WebSocket per token and counts messages.
import WebSocket from 'ws';

let received = 0;
const sockets: WebSocket[] = [];

process.on('message', async (m: { url?: string; tokens?: string[]; report?: boolean }) => {
  if (m.report) {
    process.send?.({ received });
    return;
  }
  let connected = 0;
  const BATCH = 500;
  const tokens = m.tokens ?? [];
  for (let i = 0; i < tokens.length; i += BATCH) {
    await Promise.all(
      tokens.slice(i, i + BATCH).map(
        (token) =>
          new Promise<void>((resolve) => {
            const ws = new WebSocket(`${m.url}/ws?token=${encodeURIComponent(token)}`);
            sockets.push(ws);
            ws.on('message', () => {
              received++;
            });
            ws.once('open', () => {
              connected++;
              resolve();
            });
            ws.once('error', () => resolve());
          }),
      ),
    );
  }
  received = 0;
  process.send?.({ connected });
});
