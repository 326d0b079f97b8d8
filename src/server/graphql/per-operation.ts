import type { DocumentNode } from 'graphql';

/**
 * Remembers what `compute` answers for each operation of a parsed document. Mercurius
 * keeps one document per query text, so a repeated request finds the answer again;
 * documents that are dropped take their answers with them (WeakMap). An answer for
 * which `keep` is false (it depended on more than the document) is not remembered.
 */
export function perOperation<Rest extends unknown[], T>(
  compute: (document: DocumentNode, operationName: string | null | undefined, ...rest: Rest) => T,
  keep: (answer: T) => boolean = () => true,
): (document: DocumentNode, operationName: string | null | undefined, ...rest: Rest) => T {
  const byDocument = new WeakMap<DocumentNode, Map<string, T>>();
  return (document, operationName, ...rest) => {
    const key = operationName ?? '';
    const known = byDocument.get(document);
    if (known?.has(key)) return known.get(key)!;
    const answer = compute(document, operationName, ...rest);
    if (keep(answer)) {
      if (known) known.set(key, answer);
      else byDocument.set(document, new Map([[key, answer]]));
    }
    return answer;
  };
}
