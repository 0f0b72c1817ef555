/**
 * JSON text made once per object and kept beside it (a WeakMap: no longer than the object lives),
 * for objects that several parts of the server serialise and nobody changes once made: log entries
 * (counted by the ledger, written by the store) and deltas (measured by the broadcaster, sent by the
 * socket layer). Under load each was serialised twice before (issue #16).
 */
export interface JsonOnce {
  /** The object's JSON text, made now if it was not yet. */
  text(value: object): string;
  /** Drops the text (the object itself may live on). */
  forget(value: object): void;
  /** The text already made for this value, if any (nothing is made here). */
  known(value: unknown): string | undefined;
}

export function jsonOnce(): JsonOnce {
  const texts = new WeakMap<object, string>();
  return {
    text(value) {
      let text = texts.get(value);
      if (text === undefined) {
        text = JSON.stringify(value);
        texts.set(value, text);
      }
      return text;
    },
    forget(value) {
      texts.delete(value);
    },
    known(value) {
      return typeof value === 'object' && value !== null ? texts.get(value) : undefined;
    },
  };
}
