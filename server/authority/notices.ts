/**
 * The notices in force for every seat of one exercise (the store cannot be written, the server
 * restarted and paused it, the server is going down): sent to every seat when raised, shown again in
 * every welcome while in force, and withdrawn with a `cleared` notice. At most one per code.
 */
import type { Notice, NoticeCode } from '../../protocol/index.ts';
import type { ExerciseTransport } from './transport.ts';

export class NoticeBoard {
  private readonly inForce: Notice[] = [];

  constructor(
    private readonly exerciseId: string,
    private readonly transport: ExerciseTransport,
  ) {}

  /** The notices in force, oldest first. */
  get list(): readonly Notice[] {
    return this.inForce;
  }

  has(code: NoticeCode): boolean {
    return this.inForce.some((n) => n.code === code);
  }

  /** Raises (or raises again, replacing) the notice of `code`. */
  raise(code: NoticeCode, message: string): void {
    const notice: Notice = { code, message };
    const at = this.inForce.findIndex((n) => n.code === code);
    if (at >= 0) this.inForce.splice(at, 1);
    this.inForce.push(notice);
    this.transport.notice(this.exerciseId, notice);
  }

  /** Withdraws the notice of `code` if it is in force: seats remove it. */
  clear(code: NoticeCode): void {
    const at = this.inForce.findIndex((n) => n.code === code);
    if (at < 0) return;
    this.inForce.splice(at, 1);
    this.transport.notice(this.exerciseId, { code, message: '', cleared: true });
  }
}
