/** Splits `argv` into a command, its positional arguments, the config file and flag values. */
import { parseArgs } from 'node:util';
import { ConfigError } from '../errors.js';
import { commands, optionKeys, type CommandName, type OptionKey, type RawOptions } from './config.js';

const booleanKeys = new Set<OptionKey>(['replace', 'json']);

/** The parsed command line. */
export interface ParsedCommandLine {
  command: CommandName;
  positionals: string[];
  flags: RawOptions;
  /** `--config FILE`. */
  configPath: string | undefined;
  /** `--help`. */
  help: boolean;
  /** `--version`. */
  version: boolean;
}

/**
 * Parses the command line. The command is the first argument when it names one; otherwise `run`.
 * @throws {ConfigError} for an unknown flag or a flag missing its value.
 */
export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  const first = argv[0];
  const explicit = first !== undefined && (commands as readonly string[]).includes(first);
  const command = (explicit ? first : 'run') as CommandName;
  const rest = explicit ? argv.slice(1) : argv;
  const options: Record<string, { type: 'string' | 'boolean' }> = {
    config: { type: 'string' },
    help: { type: 'boolean' },
    version: { type: 'boolean' },
  };
  for (const [key, flag] of Object.entries(optionKeys)) {
    options[flag.slice(2)] = { type: booleanKeys.has(key as OptionKey) ? 'boolean' : 'string' };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new ConfigError([{ key: 'arguments', message: (e as Error).message.replace(/\. To specify a positional.*$/s, '') }]);
  }
  const flags: RawOptions = {};
  for (const [key, flag] of Object.entries(optionKeys)) {
    const v = parsed.values[flag.slice(2)];
    if (v !== undefined) flags[key as OptionKey] = v;
  }
  return {
    command,
    positionals: parsed.positionals,
    flags,
    configPath: parsed.values.config as string | undefined,
    help: parsed.values.help === true,
    version: parsed.values.version === true,
  };
}
