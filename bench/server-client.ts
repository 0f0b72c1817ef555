/**
 * The server benchmark's seat client: the Socket.IO protocol (Engine.IO 4 over a WebSocket, the
 * default namespace) spoken directly on a `ws` socket. One process plays 1,001 seats, and with
 * socket.io-client (its Node build logs through `debug`, decodes through an emitter chain per
 * packet) the load generator took as much CPU as the server it measured. This client still reads
 * and JSON-parses every frame every seat receives, so every delivery is counted as before; it does
 * only what a seat needs: the handshake with its auth, `welcome`, `delta`, commands with their
 * acknowledgements, and answering the server's pings.
 */
import WebSocket from 'ws';
import { type CommandReply, type DeltaMessage, SOCKET_PATH, type Welcome } from '../protocol/index.ts';

export interface SeatAuth {
  exerciseId: string;
  token: string;
  protocol: number;
}

export class SeatClient {
  private nextAck = 0;
  private readonly acks = new Map<number, (reply: CommandReply) => void>();
  private readonly deltaHandlers: Array<(delta: DeltaMessage) => void> = [];

  private constructor(private readonly ws: WebSocket) {}

  /** Opens a seat's connection; resolves with its welcome (rejects on a refused handshake). */
  static connect(url: string, auth: SeatAuth): Promise<{ socket: SeatClient; welcome: Welcome }> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}${SOCKET_PATH}/?EIO=4&transport=websocket`, { perMessageDeflate: false });
    const client = new SeatClient(ws);
    return new Promise((resolve, reject) => {
      ws.on('error', reject);
      ws.on('message', (data: Buffer) => {
        const text = data.toString();
        switch (text[0]) {
          case '0': // Engine.IO open: join the default namespace with the seat's auth.
            ws.send(`40${JSON.stringify(auth)}`);
            return;
          case '2': // ping
            ws.send('3');
            return;
          case '4':
            break;
          default:
            return;
        }
        switch (text[1]) {
          case '2': {
            const [name, payload] = JSON.parse(text.slice(2)) as [string, unknown];
            if (name === 'delta') for (const handler of client.deltaHandlers) handler(payload as DeltaMessage);
            else if (name === 'welcome') resolve({ socket: client, welcome: payload as Welcome });
            return;
          }
          case '3': {
            const open = text.indexOf('[');
            const id = Number(text.slice(2, open));
            const [reply] = JSON.parse(text.slice(open)) as [CommandReply];
            const answer = client.acks.get(id);
            client.acks.delete(id);
            answer?.(reply);
            return;
          }
          case '4':
            reject(new Error(`connection refused: ${text.slice(2)}`));
            return;
        }
      });
    });
  }

  /** Calls `handler` with every delta this seat receives. */
  onDelta(handler: (delta: DeltaMessage) => void): void {
    this.deltaHandlers.push(handler);
  }

  /** Sends a command; resolves with its acknowledgement. */
  command(body: Record<string, unknown>): Promise<CommandReply> {
    const id = this.nextAck++;
    return new Promise((resolve) => {
      this.acks.set(id, resolve);
      this.ws.send(`42${id}${JSON.stringify(['command', body])}`);
    });
  }

  close(): void {
    this.ws.close();
  }
}
