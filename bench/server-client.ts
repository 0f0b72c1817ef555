/**
 * The server benchmark's seat client: the Socket.IO protocol (Engine.IO 4 over a WebSocket, the
 * default namespace) spoken directly on a `ws` socket. One process plays 1,001 seats, and with
 * socket.io-client (its Node build logs through `debug`, decodes through an emitter chain per
 * packet) the load generator took as much CPU as the server it measured. This client still reads
 * and decodes every frame every seat receives (delta frames parsed once for the seats that receive the
 * same bytes, SameFrames below), so every delivery is counted as before; it does
 * only what a seat needs: the handshake with its auth, `welcome`, `delta`, commands with their
 * acknowledgements, and answering the server's pings.
 */
import WebSocket from 'ws';
import { type CommandReply, type DeltaMessage, SOCKET_PATH, type Welcome } from '../protocol/index.ts';

const DELTA_PREFIX = '42["delta",';

/**
 * The seats of one audience receive the same delta frame, byte for byte (the server encodes a
 * broadcast once): a frame's text is looked up among the delta frames received lately, and parsed
 * only the first time. Every frame is still read and decoded into text, compared in full with the
 * frame it matches, and handed to its seat's handlers with that seat's own time of arrival, so
 * every delivery is counted as before; only the generator's repeated JSON.parse of the same text
 * (half of its CPU time in a profile of the sustained phase, issue #16) is saved. Handlers read
 * the parsed delta and never change it. Two generations of 2,000 frames bound what is kept.
 */
class SameFrames {
  private current = new Map<string, unknown>();
  private previous = new Map<string, unknown>();

  parse(text: string): unknown {
    let value = this.current.get(text);
    if (value !== undefined) return value;
    value = this.previous.get(text) ?? JSON.parse(text.slice(2));
    if (this.current.size >= 2000) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(text, value);
    return value;
  }
}

const sameFrames = new SameFrames();

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
            const [name, payload] = (text.startsWith(DELTA_PREFIX) ? sameFrames.parse(text) : JSON.parse(text.slice(2))) as [string, unknown];
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
