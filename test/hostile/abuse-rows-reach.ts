/**
 * The abuse matrix, second half: a seat, or a stranger, reaching past what it holds. Another room or
 * audience, another exercise (over REST and the socket), an old or foreign token, seat management and
 * ground truth over REST, path traversal in ids, log downloads and static files, oversized payloads,
 * and the operators' own calls. abuse.test.ts runs these rows after those of abuse-rows-own.ts.
 */
import { ERROR_CODES, PROTOCOL_VERSION } from '../../protocol/index.ts';
import { TEST_OPERATOR_TOKEN } from '../server/helpers.ts';
import { handshakeCode } from './abuse-harness.ts';
import { matrixTools, MINIMAL, operator, token, type MatrixWorld, type Row } from './abuse-matrix.ts';

/** The rows about reaching past a seat's room, exercise, token or size, in the matrix's order. */
export function reachRows(world: MatrixWorld): Row[] {
  const { url, commands, emits, rest, raw, handshakes, a, A, aId, bId, aTok } = matrixTools(world);
  const { oldOmToken } = world;
  return [
    // --- another room, another audience
    {
      actor: 'blue:kw',
      attempt: "join another room or audience ('join', 'subscribe', 'leave')",
      code: ERROR_CODES.UNKNOWN_EVENT,
      who: { seat: 'blue:kw', role: 'blue', team: 'kw', channel: 'socket' },
      run: emits(A, 'blue:kw', [
        ['join', { room: 'x|a|white' }],
        ['subscribe', { audience: 'white' }],
        ['leave', { room: 'x|a|blue:kw' }],
      ]),
    },
    {
      actor: 'blue:kw',
      attempt: "sync another audience's view",
      code: ERROR_CODES.BAD_MESSAGE,
      who: { seat: 'blue:kw', role: 'blue', team: 'kw', channel: 'socket' },
      run: emits(A, 'blue:kw', [
        ['sync', { audience: 'white' }],
        ['sync', { lastSeq: 0, seat: 'controller' }],
        ['sync', { exerciseId: 'x' }],
      ]),
    },
    // --- another exercise, REST and socket
    {
      actor: "A's controller",
      attempt: 'read or manage exercise B over REST (summary, log, seats, new link)',
      code: ERROR_CODES.UNAUTHENTICATED,
      who: { channel: 'http', address: true },
      run: rest([
        ['GET', () => `/api/exercises/${bId()}`, aTok('controller')],
        ['GET', () => `/api/exercises/${bId()}/log`, aTok('controller')],
        ['GET', () => `/api/exercises/${bId()}/seats`, aTok('controller')],
        ['POST', () => `/api/exercises/${bId()}/seats/controller/token`, aTok('controller')],
      ]),
    },
    {
      actor: "A's controller and blue",
      attempt: 'open exercise B over the socket',
      code: ERROR_CODES.UNAUTHENTICATED,
      who: { channel: 'handshake', address: true },
      run: handshakes([() => ({ exerciseId: bId(), token: token(a(), 'controller'), protocol: PROTOCOL_VERSION }), () => ({ exerciseId: bId(), token: token(a(), 'blue:kw') })]),
    },
    // --- old and foreign tokens
    {
      actor: 'blue:om (rotated out)',
      attempt: 'replay the old token: socket and REST',
      code: ERROR_CODES.UNAUTHENTICATED,
      who: { address: true },
      run: async () => [await handshakeCode(url(), { exerciseId: aId(), token: oldOmToken() }), ...(await rest([['GET', () => `/api/exercises/${aId()}`, () => oldOmToken()]])())],
    },
    {
      actor: 'stranger',
      attempt: 'no, malformed or guessed token: socket and REST',
      code: ERROR_CODES.UNAUTHENTICATED,
      who: { address: true },
      run: async () => [
        await handshakeCode(url(), { exerciseId: aId() }),
        await handshakeCode(url(), { exerciseId: aId(), token: 'A'.repeat(43) }),
        await handshakeCode(url(), { exerciseId: '../../etc/passwd', token: token(a(), 'controller') }),
        ...(await rest([
          ['GET', () => `/api/exercises/${aId()}`],
          ['GET', () => `/api/exercises/${aId()}/log`, () => 'B'.repeat(43)],
        ])()),
      ],
    },
    // --- seat management and ground truth are not for everyone
    {
      actor: 'blue, red, evaluator',
      attempt: 'white-only over REST: read the log (ground truth; blue, red), list seats, issue links',
      code: ERROR_CODES.FORBIDDEN,
      who: { exerciseId: 'A', channel: 'http' },
      run: rest([
        ['GET', () => `/api/exercises/${aId()}/log`, aTok('blue:kw')],
        ['GET', () => `/api/exercises/${aId()}/log`, aTok('red')],
        ['GET', () => `/api/exercises/${aId()}/seats`, aTok('blue:kw')],
        ['POST', () => `/api/exercises/${aId()}/seats/controller/token`, aTok('blue:kw')],
        ['POST', () => `/api/exercises/${aId()}/seats/controller/token`, aTok('red')],
        ['POST', () => `/api/exercises/${aId()}/seats/blue:kw/token`, aTok('evaluator')],
        ['GET', () => `/api/exercises/${aId()}/seats`, aTok('evaluator')],
        ['GET', () => `/api/exercises/${aId()}/seats`, aTok('red')],
      ]),
    },
    // --- path traversal in ids, log downloads, static files, URL-encoded variants
    {
      actor: 'stranger',
      attempt: 'path traversal: ../../etc/passwd as exercise id, log download, seat, static file (raw, %2e%2e, %2f, double-encoded, backslash)',
      code: ERROR_CODES.BAD_REQUEST,
      who: { channel: 'http', address: true },
      run: raw([
        ['GET', '/api/exercises/../../etc/passwd'],
        ['GET', '/api/exercises/..%2F..%2Fetc%2Fpasswd/log'],
        ['GET', '/api/exercises/%2e%2e%2f%2e%2e%2fetc%2fpasswd/log'],
        ['GET', '/api/exercises/%252e%252e%252fetc%252fpasswd/log'],
        ['POST', '/api/exercises/AAAAAAAAAAAAAAAA/seats/..%2F..%2Fcontroller/token'],
        ['GET', '/../../../etc/passwd'],
        ['GET', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd'],
        ['GET', '/assets/..%2f..%2f..%2fetc%2fpasswd'],
        ['GET', '/assets/%252e%252e%252f%252e%252e%252fetc%252fpasswd'],
        ['GET', '/..%5c..%5c..%5cetc%5cpasswd'],
        ['GET', '/index.html%00.png'],
      ]),
    },
    // --- oversized payloads
    {
      actor: 'blue:kw',
      attempt: 'socket message over 64 KiB',
      code: ERROR_CODES.TOO_LARGE,
      who: { seat: 'blue:kw', role: 'blue', team: 'kw', channel: 'socket' },
      run: commands(A, 'blue:kw', [
        { type: 'sitrep', text: 'x'.repeat(70 * 1024), severity: 'low' },
        { type: 'share-intel', report: { padding: 'y'.repeat(200 * 1024) }, partners: ['om'] },
      ]),
    },
    {
      actor: 'stranger',
      attempt: 'HTTP body over the upload limit; scenario text over 4 MiB',
      code: ERROR_CODES.TOO_LARGE,
      who: { channel: 'http', address: true },
      run: rest([
        ['POST', () => '/api/exercises', operator, JSON.stringify({ scenario: { text: 'x'.repeat(5 * 1024 * 1024) }, mode: 'tabletop' })],
        ['POST', () => '/api/exercises', operator, { scenario: { text: `${MINIMAL}\n#${'x'.repeat(4 * 1024 * 1024)}` }, mode: 'tabletop' }],
        ['POST', () => '/api/scenarios/validate', operator, { text: `#${'é'.repeat(2 * 1024 * 1024 + 8)}` }],
      ]),
    },
    // --- operators only
    {
      actor: 'stranger and seats',
      attempt: 'create an exercise or upload a scenario without the operator token',
      code: ERROR_CODES.UNAUTHENTICATED,
      who: { channel: 'http', address: true },
      run: rest([
        ['POST', () => '/api/exercises', undefined, { scenario: 'minimal', mode: 'tabletop' }],
        ['POST', () => '/api/exercises', aTok('controller'), { scenario: 'minimal', mode: 'tabletop' }],
        ['POST', () => '/api/exercises', () => `${TEST_OPERATOR_TOKEN}x`, { scenario: { text: MINIMAL }, mode: 'tabletop' }],
        ['POST', () => '/api/scenarios/validate', aTok('blue:kw'), { text: MINIMAL }],
        ['POST', () => '/api/exercises', undefined, JSON.stringify({ scenario: { text: 'x'.repeat(3_900_000) }, mode: 'tabletop' })],
      ]),
    },
  ];
}
