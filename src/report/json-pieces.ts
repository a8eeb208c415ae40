/**
 * JSON of a value in pieces, for reports too large to build as one string: objects and arrays at the
 * first `depth` levels are laid out one member per line (indented two spaces a level); deeper values
 * are written compact on the line of their member, so a table's rows are one line each. `JSON.parse`
 * of the joined pieces equals `JSON.parse(JSON.stringify(value))`.
 *
 * @example
 * for (const piece of jsonPieces(comparison, 3)) stream.write(piece);
 */
export function* jsonPieces(value: unknown, depth: number): Generator<string> {
  yield* piecesOf(toJsonValue(value) ?? null, depth, '');
}

function* piecesOf(value: unknown, depth: number, indent: string): Generator<string> {
  if (depth <= 0 || value === null || typeof value !== 'object') {
    yield JSON.stringify(value);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i > 0 ? ',' : ''}\n${inner}`;
      yield* piecesOf(toJsonValue(value[i]) ?? null, depth - 1, inner);
    }
    yield `\n${indent}]`;
    return;
  }
  const members = Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => [k, toJsonValue(v)] as const)
    .filter(([, v]) => v !== undefined);
  if (members.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (const [i, [k, v]] of members.entries()) {
    yield `${i > 0 ? ',' : ''}\n${inner}${JSON.stringify(k)}: `;
    yield* piecesOf(v, depth - 1, inner);
  }
  yield `\n${indent}}`;
}

/** What JSON.stringify makes of a member: toJSON applied; undefined, functions and symbols dropped. */
function toJsonValue(v: unknown): unknown {
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') return (v as { toJSON: () => unknown }).toJSON();
  return typeof v === 'function' || typeof v === 'symbol' ? undefined : v;
}
