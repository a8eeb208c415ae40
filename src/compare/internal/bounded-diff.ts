import diff from 'fast-diff';

export type DiffOp = [-1 | 0 | 1, string];

/** Texts up to this many characters together are compared character by character at once. */
const DIRECT = 10_000;
/** A changed run of lines is compared by characters when the product of its two sides' lengths is at most this. */
const REFINE = 1_000_000;

/**
 * fast-diff's character diff, bounded: Myers' method costs the texts' length times their differences,
 * so two long, unlike sections took minutes (80,000 characters each: over 60 s). Texts up to 10,000
 * characters together are compared at once, as before; longer ones line by line first (each line one
 * symbol), and each changed run of lines by characters when it is small enough, else given as deleted
 * and inserted lines. Deterministic; the ops rebuild both texts.
 */
export function boundedDiff(a: string, b: string): DiffOp[] {
  if (a.length + b.length <= DIRECT) return diff(a, b, undefined, true) as DiffOp[];
  const symbols = new Map<string, string>();
  const lines: string[] = [];
  const encode = (t: string): string | null => {
    let out = '';
    for (const line of t.split(/(?<=[\n。；;])/u)) {
      let s = symbols.get(line);
      if (s === undefined) {
        // One code unit per distinct line; surrogates left out so no pair forms.
        let code = lines.length;
        if (code >= 0xd800) code += 0x800;
        if (code > 0xffff) return null;
        s = String.fromCharCode(code);
        symbols.set(line, s);
        lines.push(line);
      }
      out += s;
    }
    return out;
  };
  const ea = encode(a);
  const eb = ea === null ? null : encode(b);
  if (ea === null || eb === null) return whole(a, b);
  const decode = (s: string) => {
    let out = '';
    for (let i = 0; i < s.length; i++) {
      let code = s.charCodeAt(i);
      if (code >= 0xe000) code -= 0x800;
      out += lines[code]!;
    }
    return out;
  };
  const out: DiffOp[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del === '' && ins === '') return;
    if (del !== '' && ins !== '' && del.length * ins.length <= REFINE) push(out, diff(del, ins, undefined, true) as DiffOp[]);
    else push(out, [...(del ? [[-1, del] as DiffOp] : []), ...(ins ? [[1, ins] as DiffOp] : [])]);
    del = '';
    ins = '';
  };
  for (const [op, s] of diff(ea, eb) as DiffOp[]) {
    const text = decode(s);
    if (op === -1) del += text;
    else if (op === 1) ins += text;
    else {
      flush();
      push(out, [[0, text]]);
    }
  }
  flush();
  return out;
}

function whole(a: string, b: string): DiffOp[] {
  return [...(a ? [[-1, a] as DiffOp] : []), ...(b ? [[1, b] as DiffOp] : [])];
}

/** Appends ops, joining one to the last when they are of the same kind. */
function push(out: DiffOp[], ops: readonly DiffOp[]): void {
  for (const [op, text] of ops) {
    if (text === '') continue;
    const last = out[out.length - 1];
    if (last && last[0] === op) last[1] += text;
    else out.push([op, text]);
  }
}
