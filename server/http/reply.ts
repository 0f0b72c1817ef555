/** JSON replies of the API: every failure is `{ ok: false, code, message }` with the code's HTTP status. */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { HTTP_STATUS, type ErrorBody, type ErrorCode } from '../../protocol/index.ts';

/**
 * What the refusal log needs about a refused request, kept on `res.locals` until the response is
 * finished (the application counts and logs it then, with the seat if the token was checked).
 */
export interface RefusalLocals {
  refusal?: { code: ErrorCode; message: string };
  /** The exercise the request named, once its id is well-formed. */
  exerciseId?: string;
  seat?: { exerciseId: string; seat: string; role: string; team?: string };
}

function noteRefusal(res: Response, code: ErrorCode, message: string): void {
  (res.locals as RefusalLocals).refusal = { code, message };
}

export function sendError(res: Response, code: ErrorCode, message: string, extra: Partial<ErrorBody> = {}): void {
  const body: ErrorBody = { ok: false, code, message, ...extra };
  noteRefusal(res, code, message);
  res.status(HTTP_STATUS[code]).json(body);
}

/** Sends an ErrorBody with its status, or a success body with `status`. */
export function sendResult(res: Response, result: { ok: boolean }, status = 200): void {
  if (!result.ok) {
    const error = result as ErrorBody;
    noteRefusal(res, error.code, error.message);
    res.status(HTTP_STATUS[error.code]).json(error);
    return;
  }
  res.status(status).json(result);
}

/** Express 5 forwards rejected promises to the error handler; this only types the handler. */
export function route(handler: (req: Request, res: Response, next: NextFunction) => Promise<void> | void): RequestHandler {
  return (req, res, next) => handler(req, res, next);
}

/** The bearer token of a request (server/auth/guard.ts, where who sent a request is decided). */
export { bearerToken } from '../auth/guard.ts';
