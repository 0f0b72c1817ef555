/**
 * A log entry's JSON text, made once: the host's ledger counts an entry's bytes when the entry is
 * stepped (quotas on the log's size) and the store writes the same text when the batch is appended,
 * so under load every command was serialised twice (issue #16). Entries are not changed once made;
 * the text is kept beside the entry (a WeakMap: no longer than the entry lives).
 */
const texts = new WeakMap<object, string>();

export function entryJson(entry: object): string {
  let text = texts.get(entry);
  if (text === undefined) {
    text = JSON.stringify(entry);
    texts.set(entry, text);
  }
  return text;
}
