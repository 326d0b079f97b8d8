import {
  isRequiredArgument,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type DirectiveNode,
  type GraphQLArgument,
  type GraphQLError,
  type ValidationContext,
} from 'graphql';

// Whether a validation error is about the values a request supplies (BAD_USER_INPUT) or
// about the document itself (GRAPHQL_VALIDATION_FAILED) is decided where graphql-js
// reports it, from the node it is about and the schema at that point of the document;
// never from its wording. Mercurius keeps a refused document's errors and sends the same
// objects again for the same text, so the answer is remembered per error object.

type ValidationCode = 'BAD_USER_INPUT' | 'GRAPHQL_VALIDATION_FAILED';
const codes = new WeakMap<GraphQLError, ValidationCode>();

/** The code of an error that validation reported; undefined for any other error. */
export function validationCodeOf(error: GraphQLError): ValidationCode | undefined {
  return codes.get(error);
}

/** Literal values, and a field of an input object literal. */
const LITERAL_KINDS = new Set<string>([Kind.INT, Kind.FLOAT, Kind.STRING, Kind.BOOLEAN, Kind.NULL, Kind.ENUM, Kind.LIST, Kind.OBJECT, Kind.OBJECT_FIELD]);

function lacksRequiredArgument(definition: { args: readonly GraphQLArgument[] } | null | undefined, node: FieldNode | DirectiveNode): boolean {
  const given = new Set(node.arguments?.map((argument) => argument.name.value));
  return definition?.args.some((argument) => isRequiredArgument(argument) && !given.has(argument.name)) ?? false;
}

function isAboutInput(error: GraphQLError, context: ValidationContext): boolean {
  if (error.nodes?.length !== 1) return false;
  const [node] = error.nodes;
  // ValuesOfCorrectTypeRule: a literal its argument's type refuses (an unknown input field is an ObjectField).
  if (LITERAL_KINDS.has(node.kind)) return true;
  // KnownArgumentNamesRule: an argument the field or directive does not take.
  if (node.kind === Kind.ARGUMENT) return true;
  // ProvidedRequiredArgumentsRule: a required argument left out. Other rules that name a
  // whole field or directive (unknown, misplaced, a selection where none belongs) count
  // as input too when the same field also lacks a required argument.
  if (node.kind === Kind.FIELD) return lacksRequiredArgument(context.getFieldDef(), node);
  if (node.kind === Kind.DIRECTIVE) return lacksRequiredArgument(context.getDirective(), node);
  return false;
}

/**
 * A validation rule that finds nothing itself: it sees every error the other rules
 * report, while the schema position they report at is still current, and codes it.
 */
export function codeValidationErrors(context: ValidationContext): ASTVisitor {
  const report = context.reportError.bind(context);
  context.reportError = (error: GraphQLError) => {
    codes.set(error, isAboutInput(error, context) ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED');
    report(error);
  };
  return {};
}
