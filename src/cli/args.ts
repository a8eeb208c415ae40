/** A parsed command line: the command, its flags and its operands. */
export interface ParsedArgs {
  command: string | null;
  flags: Record<string, string | true>;
  files: string[];
}

/** A usage error: the CLI prints it with the help text and exits 2. */
export class UsageError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

const VALUE_FLAGS = new Set(['format', 'out', 'template', 'threads', 'diff', 'table', 'title', 'cache']);
const BOOLEAN_FLAGS = new Set(['help', 'version', 'quiet', 'no-progress', 'stdin', 'no-parent-compare', 'no-compare', 'no-details']);

/**
 * Splits argv (without the node and script paths) into a command, flags and files.
 * `--format json`, `--format=json`, `-f json`, `-o out.html`, `-` for standard input.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const flags: Record<string, string | true> = {};
  const files: string[] = [];
  let command: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    }
    const short: Record<string, string> = { '-f': 'format', '-o': 'out', '-t': 'template', '-h': 'help', '-V': 'version' };
    const name = a.startsWith('--') ? a.slice(2).split('=')[0]! : short[a];
    if (name !== undefined && (a.startsWith('--') || a in short)) {
      const inline = a.startsWith('--') && a.includes('=') ? a.slice(a.indexOf('=') + 1) : undefined;
      if (VALUE_FLAGS.has(name)) {
        const v = inline ?? argv[++i];
        if (v === undefined || v === '') throw new UsageError('E_MISSING_VALUE', `--${name} needs a value`);
        flags[name] = v;
      } else if (BOOLEAN_FLAGS.has(name)) {
        flags[name] = true;
      } else {
        throw new UsageError('E_UNKNOWN_FLAG', `unknown option ${a}`);
      }
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError('E_UNKNOWN_FLAG', `unknown option ${a}`);
    } else if (command === null) {
      command = a;
    } else {
      files.push(a);
    }
  }
  return { command, flags, files };
}
