/**
 * The argument parser shared by the CLI commands: `node:util` `parseArgs` in strict mode (`--name value`,
 * `--name=value`, `-x value`, `-xvalue`, `--` ends the options), with messages that say what to do.
 */
import { parseArgs as nodeParseArgs } from 'node:util';

export class UsageError extends Error {}

export type FlagKind = 'bool' | 'string';

export interface Parsed {
  /** Only the flags given on the command line: any other name is undefined. */
  flags: Partial<Record<string, string | boolean>>;
  positionals: string[];
}

type NodeOptions = Record<string, { type: 'boolean' | 'string'; short?: string }>;

/** The levenshtein distance of two short option names (for "did you mean"). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length];
}

function unknownOption(raw: string, spec: Record<string, FlagKind>): UsageError {
  const name = raw.replace(/^--?/, '').replace(/=.*$/, '');
  const near = Object.keys(spec)
    .map((k) => ({ k, d: distance(name, k) }))
    .filter((x) => x.d <= Math.max(1, Math.floor(x.k.length / 3)))
    .sort((x, y) => x.d - y.d)
    .at(0);
  const hint = near ? ` (did you mean --${near.k}?)` : '';
  const dash = raw.startsWith('--') ? '' : ' (a path that starts with -? put it after --)';
  return new UsageError(`unknown option ${raw.replace(/=.*$/, '')}${hint || dash}`);
}

/**
 * Says what is wrong with arguments that strict parsing refused, token by token: an unknown option, a
 * string option without its value (`--config --fix x.md`: the next argument is an option, not a value),
 * a value given to a boolean option.
 */
function diagnose(argv: readonly string[], options: NodeOptions, spec: Record<string, FlagKind>): UsageError | null {
  const { tokens } = nodeParseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const kind = spec[t.name] as FlagKind | undefined; // t.name is what the user typed
    if (!kind) return unknownOption(t.rawName, spec);
    if (kind === 'bool' && t.value !== undefined) return new UsageError(`${t.rawName} takes no value`);
    if (kind === 'string' && (t.value === undefined || (!t.inlineValue && t.value.startsWith('-') && t.value !== '-'))) {
      return new UsageError(
        `${t.rawName} needs a value${t.value === undefined ? '' : ` (${t.value} is an option; to pass a value that starts with -, write ${t.rawName}=${t.value})`}`,
      );
    }
  }
  return null;
}

/**
 * Parses `argv` against `spec` (long names to kinds); `aliases` maps a short option (`-o`) to a long one
 * (`--output`). `-` is a positional (standard input). Throws a UsageError for anything strict parsing refuses.
 */
export function parseArgs(argv: readonly string[], spec: Record<string, FlagKind>, aliases: Record<string, string> = {}): Parsed {
  const options: NodeOptions = {};
  for (const [name, kind] of Object.entries(spec)) options[name] = { type: kind === 'bool' ? 'boolean' : 'string' };
  for (const [short, long] of Object.entries(aliases)) {
    const target = options[long.replace(/^--/, '')] as NodeOptions[string] | undefined; // an alias of a name the spec lacks is a bug
    if (!target) throw new Error(`alias ${short} names no option`);
    target.short = short.replace(/^-/, '');
  }
  let parsed;
  try {
    parsed = nodeParseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) throw e;
    throw diagnose(argv, options, spec) ?? new UsageError(e instanceof Error ? e.message : String(e));
  }
  const flags: Parsed['flags'] = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === undefined) continue;
    if (typeof value === 'string' && value === '') throw new UsageError(`--${name} needs a value`);
    flags[name] = Array.isArray(value) ? value.at(-1) : value;
  }
  return { flags, positionals: parsed.positionals };
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** The exit code (a promise of it when the command waits for worker threads). */
  run(argv: readonly string[]): number | Promise<number>;
}
