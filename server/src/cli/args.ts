/** A small, strict argument parser shared by the CLI commands. */
export class UsageError extends Error {}

export type FlagKind = 'bool' | 'string';

export interface Parsed {
  /** Only the flags given on the command line: any other name is undefined. */
  flags: Partial<Record<string, string | boolean>>;
  positionals: string[];
}

/** Parses `--name value`, `--name=value` and boolean `--name`; `aliases` maps `-x` to `--name`. */
export function parseArgs(argv: readonly string[], spec: Record<string, FlagKind>, aliases: Record<string, string> = {}): Parsed {
  const flags: Parsed['flags'] = {};
  const positionals: string[] = [];
  const args = [...argv];
  while (args.length) {
    const a = args.shift()!;
    if (a === '--') {
      positionals.push(...args.splice(0));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    let name = eq > 0 ? a.slice(0, eq) : a;
    name = aliases[name] ?? name;
    const key = name.replace(/^--?/, '');
    const kind = spec[key] as FlagKind | undefined; // `key` is what the user typed
    if (!kind) throw new UsageError(`unknown option ${name}`);
    if (kind === 'bool') {
      if (eq > 0) throw new UsageError(`${name} takes no value`);
      flags[key] = true;
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : args.shift();
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    flags[key] = value;
  }
  return { flags, positionals };
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: readonly string[]): number;
}
