// What a Hasura-style `where` requires of a field for every row it matches: the values
// it compares with _eq at its top level or inside _and (under _or or _not a comparison
// requires nothing of every row).

export function requiredValues(where: unknown, field: string, found: string[] = []): string[] {
  if (typeof where !== 'object' || where === null) return found;
  const exp = where as Record<string, unknown>;
  const eq = (exp[field] as { _eq?: unknown } | null | undefined)?._eq;
  if (typeof eq === 'string') found.push(eq);
  if (Array.isArray(exp._and)) for (const item of exp._and) requiredValues(item, field, found);
  return found;
}
