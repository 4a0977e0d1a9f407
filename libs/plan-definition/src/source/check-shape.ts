import type { CST } from 'yaml';
import type { ParseLimits } from './parse-limits';

export interface ShapeViolation {
  offset: number;
  message: string;
}

type ShapeLimits = Pick<ParseLimits, 'maxKeysPerMap' | 'maxItemsPerList' | 'maxDepth' | 'maxAliases'>;

/**
 * Checks the concrete syntax tree against the limits before any document or value is built from
 * it: one pass, no recursion (a hostile nesting depth cannot overflow the stack), and it stops at
 * the first violation.
 */
export function checkShape(tokens: Iterable<CST.Token>, limits: ShapeLimits): ShapeViolation | undefined {
  let aliases = 0;
  const pending: { token: CST.Token | null | undefined; depth: number }[] = [];
  for (const top of tokens) {
    if (top.type === 'document') pending.push({ token: top.value, depth: 0 });
    while (pending.length > 0) {
      const { token, depth } = pending.pop()!;
      if (!token) continue;
      if (token.type === 'alias' && ++aliases > limits.maxAliases) {
        return { offset: token.offset, message: `more than ${limits.maxAliases} aliases (*name): a plan needs none; write the values out` };
      }
      if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
      if (depth + 1 > limits.maxDepth) return { offset: token.offset, message: `nested deeper than ${limits.maxDepth} levels` };
      const isMap = token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{');
      const entries = token.items.filter((item) => item.key !== undefined || item.value !== undefined || item.sep !== undefined).length;
      if (isMap && entries > limits.maxKeysPerMap) return { offset: token.offset, message: `a mapping with ${entries} keys: at most ${limits.maxKeysPerMap} are allowed` };
      if (!isMap && entries > limits.maxItemsPerList) return { offset: token.offset, message: `a list with ${entries} entries: at most ${limits.maxItemsPerList.toLocaleString('en')} are allowed` };
      for (const item of token.items) {
        pending.push({ token: item.key as CST.Token | null | undefined, depth: depth + 1 });
        pending.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return undefined;
}
