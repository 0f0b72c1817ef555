/**
 * A log entry's JSON text, made once: the host's ledger counts an entry's bytes when the entry is
 * stepped (quotas on the log's size) and the store writes the same text when the batch is appended,
 * so under load every command was serialised twice (issue #16). Entries are not changed once made.
 */
import { jsonOnce } from '../ops/json-once.ts';

const entries = jsonOnce();

export const entryJson = (entry: object): string => entries.text(entry);
