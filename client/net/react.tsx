/** React access to the seat's connection: send commands and show the server's answer. */
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import type { CommandReply } from '../../protocol/index.ts';
import type { CommandBody } from '../../engine/types.ts';
import type { Connection } from './connection.ts';
import { RefusalMessage } from './RefusalMessage.tsx';

export const ConnectionContext = createContext<Connection | null>(null);

export function useConnection(): Connection {
  const connection = useContext(ConnectionContext);
  if (!connection) throw new Error('useConnection outside a <ConnectionContext.Provider>');
  return connection;
}

export interface CommandState {
  /** Sends the command; true when the server accepted it. */
  run(body: CommandBody): Promise<boolean>;
  pending: boolean;
  /** The last refusal as a sentence in the seat's language (its code in a disclosure), cleared by the next success. */
  error: ReactNode;
  lastReply: CommandReply | null;
}

/** One command button's state: pending while in flight, the refusal message when refused. */
export function useCommand(): CommandState {
  const connection = useConnection();
  const [pending, setPending] = useState(false);
  const [lastReply, setLastReply] = useState<CommandReply | null>(null);
  const run = useCallback(
    async (body: CommandBody) => {
      setPending(true);
      const reply = await connection.send(body);
      setPending(false);
      setLastReply(reply);
      return reply.ok;
    },
    [connection],
  );
  const error = lastReply && !lastReply.ok ? <RefusalMessage reply={lastReply} /> : null;
  return { run, pending, error, lastReply };
}
