/**
 * The abuse matrix, first half: what a seat may not do inside its own exercise. The clock and the
 * white cell's powers belong to the controller; a blue team acts only for itself and learns nothing of
 * another's nodes or objects; a forged sender (fields claiming another actor, team, role or seat) is
 * refused on commands and handshakes; a command without an acknowledgement and a page on another
 * site are refused too. abuse.test.ts runs these rows, then those of abuse-rows-reach.ts.
 */
import { ERROR_CODES, PROTOCOL_VERSION } from '../../protocol/index.ts';
import { rawRequest } from './abuse-harness.ts';
import { matrixTools, token, type MatrixWorld, type Row } from './abuse-matrix.ts';

/** The rows about a seat's powers in its own exercise, in the matrix's order. */
export function ownExerciseRows(world: MatrixWorld): Row[] {
  const { url, seat, commands, handshakes, a, A, aId } = matrixTools(world);
  return [
    // --- the clock and the white cell's powers belong to the controller
    {
      actor: 'blue:kw',
      attempt: 'run the clock (start, pause, resume, speed, end, advance, move, jump)',
      code: ERROR_CODES.FORBIDDEN,
      who: { seat: 'blue:kw', role: 'blue', team: 'kw', channel: 'command' },
      run: commands(A, 'blue:kw', [
        { type: 'start' },
        { type: 'pause' },
        { type: 'resume' },
        { type: 'speed', speed: 100 },
        { type: 'end' },
        { type: 'advance', to: 3_600_000 },
        { type: 'move' },
        { type: 'jump-to-next-inject' },
      ]),
    },
    {
      actor: 'blue:kw',
      attempt: 'white-only: ad-hoc inject, adjudicate',
      code: ERROR_CODES.FORBIDDEN,
      who: { seat: 'blue:kw', role: 'blue', team: 'kw', channel: 'command' },
      run: commands(A, 'blue:kw', [
        { type: 'adhoc-inject', inject: { id: 'fake', title: 'x', body: 'x', to: 'all-blue', from: { name: 'x' } } },
        { type: 'adjudicate', item: { kind: 'sitrep', id: 'x' }, grade: 100 },
      ]),
    },
    {
      actor: 'red',
      attempt: 'white-only: pause, end, speed, ad-hoc inject, adjudicate; blue: sitrep',
      code: ERROR_CODES.FORBIDDEN,
      who: { seat: 'red', role: 'red', channel: 'command' },
      run: commands(A, 'red', [
        { type: 'pause' },
        { type: 'end' },
        { type: 'speed', speed: 2 },
        { type: 'adhoc-inject', inject: { id: 'fake', title: 'x', body: 'x', to: 'all-blue', from: { name: 'x' } } },
        { type: 'adjudicate', item: { kind: 'sitrep', id: 'x' }, grade: 0 },
        { type: 'sitrep', text: 'x', severity: 'low' },
      ]),
    },
    {
      actor: 'evaluator',
      attempt: 'white-only: start, pause, end, adjudicate; red: red-launch',
      code: ERROR_CODES.FORBIDDEN,
      who: { seat: 'evaluator', role: 'evaluator', channel: 'command' },
      run: commands(A, 'evaluator', [
        { type: 'start' },
        { type: 'pause' },
        { type: 'end' },
        { type: 'adjudicate', item: { kind: 'sitrep', id: 'x' }, grade: 10 },
        { type: 'red-launch', step: 'phish' },
      ]),
    },
    // --- a blue team acts only for itself
    {
      actor: 'blue:kw',
      attempt: "act on another team's node (isolate om's pay-switch)",
      code: ERROR_CODES.FORBIDDEN,
      who: { seat: 'blue:kw', role: 'blue', team: 'kw', channel: 'command' },
      run: commands(A, 'blue:kw', [{ type: 'action', action: 'isolate', target: { node: 'pay-switch' } }]),
    },
    {
      // Refused as if they did not exist (NOT_FOUND, word for word): another nation's hosts cannot be enumerated.
      actor: 'blue:om',
      attempt: "act on another team's node or segment (isolate kw's domain controller, hunt in kw-corp)",
      code: ERROR_CODES.NOT_FOUND,
      who: { seat: 'blue:om', role: 'blue', team: 'om', channel: 'command' },
      run: commands(A, 'blue:om', [
        { type: 'action', action: 'isolate', target: { node: 'kw-dc' } },
        { type: 'action', action: 'hunt', target: { segment: 'kw-corp' } },
      ]),
    },
    {
      // The engine answers as if the object did not exist: a team learns nothing about another's.
      actor: 'blue:om',
      attempt: "handle another team's objects (cancel kw's action, answer kw's inject)",
      code: ERROR_CODES.NOT_FOUND,
      who: { seat: 'blue:om', role: 'blue', team: 'om', channel: 'command' },
      run: commands(A, 'blue:om', [
        { type: 'cancel-action', id: 'kw-X1' },
        { type: 'ack-inject', inject: 'ministry-call' },
        { type: 'answer-inject', inject: 'ministry-call', text: 'answered for kw' },
      ]),
    },
    {
      actor: 'blue:kw',
      attempt: "grant its own request for assistance (a grant is the addressee's: om's)",
      code: ERROR_CODES.NOT_FOUND,
      who: { seat: 'blue:kw', role: 'blue', team: 'kw', channel: 'command' },
      run: commands(A, 'blue:kw', [{ type: 'grant-assistance', request: 'kw-H1' }]),
    },
    // --- a forged sender: fields claiming another actor, team or role
    {
      actor: 'blue:kw',
      attempt: 'forged sender on its own command (actor white, actor om, team om, role white, seat controller)',
      code: ERROR_CODES.BAD_MESSAGE,
      who: { seat: 'blue:kw', role: 'blue', team: 'kw', channel: 'command' },
      run: commands(A, 'blue:kw', [
        { type: 'sitrep', text: 'as white', severity: 'low', actor: { role: 'white' } },
        { type: 'sitrep', text: 'as om', severity: 'low', actor: { role: 'blue', team: 'om' } },
        { type: 'sitrep', text: 'for om', severity: 'low', team: 'om' },
        { type: 'sitrep', text: 'role', severity: 'low', role: 'white' },
        { type: 'sitrep', text: 'seat', severity: 'low', seat: 'controller', exerciseId: 'x' },
      ]),
    },
    {
      actor: 'blue:kw',
      attempt: 'forged sender on a clock command (pause with actor white)',
      code: ERROR_CODES.FORBIDDEN,
      who: { seat: 'blue:kw', role: 'blue', team: 'kw', channel: 'command' },
      run: commands(A, 'blue:kw', [
        { type: 'pause', actor: { role: 'white' } },
        { type: 'end', actor: { role: 'system' } },
      ]),
    },
    {
      actor: 'red',
      attempt: 'forged sender (red-launch with actor white)',
      code: ERROR_CODES.BAD_MESSAGE,
      who: { seat: 'red', role: 'red', channel: 'command' },
      run: commands(A, 'red', [{ type: 'red-launch', step: 'phish', actor: { role: 'white' } }]),
    },
    {
      actor: 'stranger with a blue token',
      attempt: 'handshake claiming another seat, role or audience',
      code: ERROR_CODES.UNAUTHENTICATED,
      who: { channel: 'handshake', address: true },
      run: handshakes([
        () => ({ exerciseId: aId(), token: token(a(), 'blue:kw'), seat: 'controller' }),
        () => ({ exerciseId: aId(), token: token(a(), 'blue:kw'), role: 'white' }),
        () => ({ exerciseId: aId(), token: token(a(), 'blue:kw'), audience: 'white', protocol: PROTOCOL_VERSION }),
      ]),
    },
    {
      actor: 'blue:kw',
      attempt: 'a command without an acknowledgement (answered by a rejected event)',
      code: ERROR_CODES.BAD_MESSAGE,
      who: { seat: 'blue:kw', role: 'blue', team: 'kw', channel: 'socket' },
      run: async () => {
        const s = await seat(a(), 'blue:kw');
        const rejected = new Promise<{ code: string }>((done) => s.socket.once('rejected', done));
        (s.socket as unknown as { emit(e: string, ...x: unknown[]): void }).emit('command', { type: 'pause' });
        const { code } = await rejected;
        s.close();
        return [code];
      },
    },
    {
      actor: 'a page on another site',
      attempt: "drive an exercise with a participant's browser: socket handshake (WebSocket, polling) and POST",
      code: ERROR_CODES.BAD_ORIGIN,
      who: { address: true },
      run: async () => {
        const evil = { origin: 'https://evil.example' };
        const polling = await rawRequest(url(), 'GET', '/socket.io/?EIO=4&transport=polling', evil);
        const ws = await rawRequest(url(), 'GET', '/socket.io/?EIO=4&transport=websocket', {
          ...evil,
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        });
        const post = await rawRequest(url(), 'POST', `/api/exercises/${aId()}/seats/controller/token`, { ...evil, authorization: `Bearer ${token(a(), 'controller')}` });
        // Engine.IO answers a refused WebSocket upgrade 400 (its only status for upgrades), saying why.
        return [polling, ws, post].map((r) =>
          (r.status === 403 || (r === ws && r.status === 400)) && r.text.includes('BAD_ORIGIN') ? ERROR_CODES.BAD_ORIGIN : `status ${r.status}: ${r.text.slice(0, 80)}`,
        );
      },
    },
  ];
}
