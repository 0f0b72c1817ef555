/**
 * The operator token every test server accepts (in-process servers get it in their configuration,
 * child processes in RAMPARTS_OPERATOR_TOKEN), and the header that carries it.
 */
export const TEST_OPERATOR_TOKEN = 'test-operator-token-0123456789abcdef';

export const operatorHeaders = (): Record<string, string> => ({ authorization: `Bearer ${TEST_OPERATOR_TOKEN}` });
