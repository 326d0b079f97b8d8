import { GraphQLError, parse, print, type ASTVisitor, type DocumentNode, type ValidationContext } from 'graphql';

// A second line behind the request gate (http/graphql-request.ts): whatever reaches
// validation must be a document graphql-js's parser could have produced, because
// graphql-jit writes names and literals from it into generated code (graphql/jit-guard.ts).
// A syntax tree made by hand (Mercurius accepts one from JSON, and from app.graphql()
// in-process) can hold a "name" with quotes in it, or a boolean that is a string; it
// does not survive printing and parsing again unchanged, and is refused.

const withoutLocations = (document: unknown) => JSON.stringify(document, (key, value: unknown) => (key === 'loc' ? undefined : value));

/** Whether print and parse give the same document back (locations aside). */
export function isParserShaped(document: DocumentNode): boolean {
  try {
    return withoutLocations(parse(print(document), { noLocation: true })) === withoutLocations(document);
  } catch {
    return false;
  }
}

/** A validation rule: runs once for each new query text (Mercurius caches what passed). */
export function documentShapeRule(context: ValidationContext): ASTVisitor {
  if (!isParserShaped(context.getDocument())) {
    context.reportError(new GraphQLError('The document is not one the GraphQL parser produces: send the query as GraphQL text.'));
  }
  return {};
}
