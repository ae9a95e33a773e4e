import { Kind, parse, type SelectionSetNode } from 'graphql';

type Representation = { __typename?: unknown };

/** The response names an `_entities` operation asks of each entity type. */
function fieldsByType(query: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  const collect = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind !== Kind.INLINE_FRAGMENT || !selection.typeCondition) continue;
      const names = selection.selectionSet.selections.flatMap((field) =>
        field.kind === Kind.FIELD && field.name.value !== '__typename' ? [(field.alias ?? field.name).value] : [],
      );
      const type = selection.typeCondition.name.value;
      fields.set(type, [...(fields.get(type) ?? []), ...names]);
    }
  };
  for (const definition of parse(query).definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const selection of definition.selectionSet.selections) {
      if (selection.kind === Kind.FIELD && selection.name.value === '_entities') collect(selection.selectionSet);
    }
  }
  return fields;
}

/**
 * An answer to a failed `_entities` fetch in which every entity has each field it was asked
 * for, set to null. Apollo drops an entity whose `@requires` inputs are missing from every
 * later fetch, so without these nulls one unreachable department would take down fields
 * built from every department's section (the resident's data-quality issues) and, those
 * being non-null, the whole record. With them, the later fetch sees the section as null —
 * as when the department itself fails — and the caller gets the error beside it.
 */
export function nullEntities(query: string, representations: unknown[]): Record<string, unknown>[] {
  const fields = fieldsByType(query);
  return representations.map((representation) => {
    const typename = (representation as Representation | null)?.__typename;
    const asked = typeof typename === 'string' ? (fields.get(typename) ?? []) : [];
    return Object.fromEntries([['__typename', typename], ...asked.map((name) => [name, null])]);
  });
}
