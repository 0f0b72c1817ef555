/**
 * Downloads of the after-action products for the seats that may read the whole exercise (controller
 * and evaluators): `GET /api/exercises/:id/export/:format[?lang=L&tz=ZONE&team=T&tlp=LEVEL]`, the format
 * one of interchange's EXPORT_FORMATS or `log`. The server replays the exercise's log and writes the
 * product with `exportProduct`, the function `ramparts export` calls, inlining the same d3 text
 * (native/d3-bundle.ts): a download from the console is byte for byte the command line's output for
 * the same log. Replaying is the price of that guarantee; it runs only when someone asks.
 */
import type { Request, Response, Router } from 'express';
import { ERROR_CODES, EXPORT_DOWNLOADS, type ExportDownload } from '../../protocol/index.ts';
import { TLP_LEVELS, type TlpLevel } from '../../engine/index.ts';
import { exportProduct, isTimeZone, loadExercise, logFromFile } from '../../interchange/index.ts';
import { d3Bundle } from '../../native/d3-bundle.ts';
import type { SeatRecord } from '../store/types.ts';
import { route, sendError } from './reply.ts';

export interface ExportDeps {
  /** The seat of the bearer token in the exercise of the path, or undefined with the refusal sent. */
  seatOf(req: Request, res: Response): Promise<SeatRecord | undefined>;
  /** The exercise's log as text (the /log download), or undefined with the refusal sent. */
  logText(id: string, res: Response): Promise<string | undefined>;
}

const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

/** A query parameter given once as text, or undefined; an array (`?a=1&a=2`) counts as malformed. */
function param(req: Request, name: string): string | undefined | null {
  const v = (req.query as Record<string, unknown>)[name];
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : null;
}

export function exportRoutes(router: Router, deps: ExportDeps): void {
  router.get(
    '/exercises/:id/export/:format',
    route(async (req, res) => {
      const seat = await deps.seatOf(req, res);
      if (!seat) return;
      if (seat.role !== 'white' && seat.role !== 'evaluator') {
        return sendError(res, ERROR_CODES.FORBIDDEN, 'only the controller and evaluators may export the exercise: its exports hold the ground truth');
      }
      const format = String(req.params.format);
      if (!(EXPORT_DOWNLOADS as readonly string[]).includes(format)) {
        return sendError(res, ERROR_CODES.NOT_FOUND, `no export "${format}"; the exports are ${EXPORT_DOWNLOADS.join(', ')}`);
      }
      const lang = param(req, 'lang');
      const tz = param(req, 'tz');
      const team = param(req, 'team');
      const tlp = param(req, 'tlp');
      if (lang === null || (lang !== undefined && !LANG.test(lang))) return sendError(res, ERROR_CODES.BAD_REQUEST, 'lang: give a language code such as en or ar');
      if (tz === null || (tz !== undefined && !isTimeZone(tz))) return sendError(res, ERROR_CODES.BAD_REQUEST, 'tz: give an IANA time zone such as Asia/Riyadh or UTC');
      if (team === null) return sendError(res, ERROR_CODES.BAD_REQUEST, 'team: give one team id');
      if (tlp === null || (tlp !== undefined && !(TLP_LEVELS as readonly string[]).includes(tlp))) return sendError(res, ERROR_CODES.BAD_REQUEST, `tlp: one of ${TLP_LEVELS.join(', ')}`);
      const id = String(req.params.id);
      const text = await deps.logText(id, res);
      if (text === undefined) return;
      const name = format as ExportDownload;
      if (name === 'log') return void send(res, text, 'application/x-ndjson', `${id}.log.jsonl`);
      const opened = logFromFile(text);
      const loaded = opened.ok ? loadExercise(opened.log) : opened;
      if (!loaded.ok) return sendError(res, ERROR_CODES.INTERNAL, `the exercise's log does not replay: ${loaded.message}`);
      const product = exportProduct(name, loaded.exercise, {
        lang: lang ?? 'en',
        ...(name === 'aar-html' ? { d3: d3Bundle() } : {}),
        ...(tz === undefined ? {} : { timeZone: tz }),
        ...(team === undefined ? {} : { team }),
        ...(tlp === undefined ? {} : { tlp: tlp as TlpLevel }),
      });
      if (!product.ok) return sendError(res, ERROR_CODES.BAD_REQUEST, product.message);
      send(res, product.text, product.mediaType, product.fileName);
    }),
  );
}

function send(res: Response, text: string, type: string, fileName: string): void {
  res.set('Content-Type', `${type}; charset=utf-8`).set('Cache-Control', 'no-store').set('Content-Disposition', `attachment; filename="${fileName}"`).send(Buffer.from(text, 'utf8'));
}
