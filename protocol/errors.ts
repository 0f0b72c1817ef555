/**
 * Every error code the server sends, over REST (`{ ok: false, code, message }` bodies) and over the
 * socket (acknowledgements, `rejected` events, `connect_error` data). Engine codes pass through
 * unchanged so that a client can tell "the engine said no" from "the transport said no".
 */
import { ENGINE_ERRORS } from '../engine/constants.ts';

export const ERROR_CODES = {
  ...ENGINE_ERRORS,
  /** A REST body or query that is not what the endpoint expects. */
  BAD_REQUEST: 'BAD_REQUEST',
  /** A socket payload that fails its schema (wrong shape, wrong types, unknown fields). */
  BAD_MESSAGE: 'BAD_MESSAGE',
  /** A socket event name the server does not know. */
  UNKNOWN_EVENT: 'UNKNOWN_EVENT',
  /** A request body or socket message over the size limit. */
  TOO_LARGE: 'TOO_LARGE',
  /** Too many requests or messages; wait and retry. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** A seat, team or exercise used up one of its quotas (text, reports, requests, sitreps, log size); `detail` says which. */
  QUOTA_EXCEEDED: 'QUOTA_EXCEEDED',
  /** Missing, malformed or unknown seat token (or a token of another exercise). */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The scenario failed validation; `diagnostics` lists every located error. */
  INVALID_SCENARIO: 'INVALID_SCENARIO',
  /** The requested mode is not one the scenario allows. */
  BAD_MODE: 'BAD_MODE',
  /** The client speaks another protocol version; reload the client. */
  PROTOCOL_VERSION: 'PROTOCOL_VERSION',
  /** The request came from another origin than the server's. */
  BAD_ORIGIN: 'BAD_ORIGIN',
  /** The store could not make the command durable; nothing was applied. Retry later. */
  UNAVAILABLE: 'UNAVAILABLE',
  /** A bug on the server; the command was not applied. */
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** Codes of server notices (not errors): pushed to seats with `notice`. */
export const NOTICE_CODES = {
  /** The server restarted; a real-time exercise came back paused until the controller resumes it. */
  RECOVERED_PAUSED: 'RECOVERED_PAUSED',
  /** The server is shutting down; reconnect shortly. */
  SHUTTING_DOWN: 'SHUTTING_DOWN',
  /** The exercise log cannot be written (full disk, storage down): time holds, commands are refused until it can. */
  STORE_SUSPENDED: 'STORE_SUSPENDED',
} as const;
export type NoticeCode = (typeof NOTICE_CODES)[keyof typeof NOTICE_CODES];

/**
 * The quotas a seat or an exercise has (docs/PROTOCOL.md, "Limits"): a refusal for one of them
 * carries it in `detail.quota`, so that a client can say it in the seat's language.
 */
export const QUOTAS = {
  /** Commands per second of one seat, over all its sockets (RATE_LIMITED). */
  COMMAND_RATE: 'command-rate',
  /** Bytes of free text one seat (a blue team, the red cell, evaluators) may send in the exercise. */
  TEXT_BYTES: 'text-bytes',
  /** Intelligence reports one team may share. */
  REPORTS: 'reports',
  /** Requests for assistance one team may send. */
  REQUESTS: 'requests',
  /** Situation reports one team may file. */
  SITREPS: 'sitreps',
  /** Bytes of free text all seats together may send in the exercise. */
  EXERCISE_TEXT_BYTES: 'exercise-text-bytes',
  /** Bytes of the exercise's log: over it, only the controller's commands are taken. */
  LOG_BYTES: 'log-bytes',
} as const;
export type Quota = (typeof QUOTAS)[keyof typeof QUOTAS];

/** What a quota refusal says about the quota: which, its limit, and how much was used before this command. */
export interface QuotaDetail {
  quota: Quota;
  limit: number;
  used: number;
}

/** An expected failure, as a value. */
export interface Failure {
  ok: false;
  code: ErrorCode;
  message: string;
  /** For RATE_LIMITED and QUOTA_EXCEEDED from the exercise host: the quota, to phrase it in the seat's language. */
  detail?: QuotaDetail;
}

/** HTTP status for each code, used by the REST API. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_COMMAND: 422,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  WRONG_PHASE: 409,
  TIME_BACKWARDS: 409,
  CONFLICT: 409,
  BAD_REQUEST: 400,
  BAD_MESSAGE: 400,
  UNKNOWN_EVENT: 400,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  QUOTA_EXCEEDED: 429,
  UNAUTHENTICATED: 401,
  INVALID_SCENARIO: 422,
  BAD_MODE: 422,
  PROTOCOL_VERSION: 426,
  BAD_ORIGIN: 403,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(HTTP_STATUS, value);
}
