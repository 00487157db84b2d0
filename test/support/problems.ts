/** A refused record's diagnostics as field + message pairs, for tests that pin what was said about which field. */
import { formatPath, type Diagnostic } from '../../src/diagnostics.js';
import type { Message } from '../../src/messages/types.js';

export function problemsOf(result: { readonly diagnostics: readonly Diagnostic[] }): { field: string; message: Message }[] {
  return result.diagnostics.map((d) => ({ field: formatPath(d.path), message: d.data === undefined ? { messageId: d.messageId } : { messageId: d.messageId, data: d.data } }));
}
