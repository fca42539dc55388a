/** Command-line options of `seahelm-leaderboard`; wrong usage is an error with exit status 2. */

import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { closestKey } from '../lib/config/suggest.ts';

export interface CliOptions {
  readonly config: string;
  /** Whether --config was given (else `config` is the default, looked for in the working folder). */
  readonly configGiven: boolean;
  readonly gui: boolean;
  readonly port: number;
  /** Address the site is served on; `127.0.0.1` keeps it to this machine. */
  readonly host: string;
  readonly out: string | null;
  readonly strict: boolean;
  readonly threads: number | null;
  readonly timings: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

export const USAGE = `Usage: seahelm-leaderboard [--config FILE] [--no-gui | --port PORT [--host ADDRESS]] [options]

Turns SEA-HELM and lm-evaluation-harness result files into leaderboard reports.

Options:
  --config FILE   the leaderboard config (default: leaderboard.config.yaml)
  --no-gui        aggregate and write the reports only
  --port PORT     port of the leaderboard site (default: 7060)
  --host ADDRESS  address to serve the site on (default: 127.0.0.1, this machine only;
                  0.0.0.0 lets other machines of the network open it)
  --out DIR       write the reports to DIR instead of output.base_dir
  --strict        fail (exit 1) if a run's or baseline's path is missing or holds no result
                  file, a folder cannot be read, a file was skipped, a task failed or a value
                  is invalid (a baseline's too)
  --threads N     parser threads, 1 to 256 (default: the number of cores; 1 = no worker
                  threads)
  --timings       print when each stage ended, in ms since start, and the threads used
                  (to standard error)
  --help, -h      show this help
  --version       print the version

Exit status: 0 done (warnings allowed); 1 invalid config, no usable result file at all, a
--strict violation, reports or standard output that cannot be written, the site's port in use
or a --host that is no address of this machine, a Node that cannot build the site, or a site
build that fails (the reports are written first); 2 wrong usage.`;

export class UsageError extends Error {}

const DEFAULT_PORT = 7060;
const DEFAULT_HOST = '127.0.0.1';

const OPTIONS = {
  config: { type: 'string', default: 'leaderboard.config.yaml' },
  gui: { type: 'boolean', default: true },
  port: { type: 'string' },
  host: { type: 'string' },
  out: { type: 'string' },
  strict: { type: 'boolean', default: false },
  threads: { type: 'string' },
  timings: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
} as const;

/**
 * The options as the usage spells them, what a misspelt one is compared with (and README's table
 * of options, in a test): a switch that is on by default is written negated (`--no-gui`).
 */
export const OPTION_SPELLINGS: readonly string[] = Object.entries(OPTIONS).map(([name, option]) =>
  option.type === 'boolean' && option.default ? `--no-${name}` : `--${name}`,
);

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let values;
  let tokens;
  try {
    ({ values, tokens } = parseArgs({
      args: [...argv],
      allowNegative: true,
      strict: true,
      tokens: true,
      options: OPTIONS,
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Only for the error about that option: another mistake may come before it in argv
    // (`--strict=1 --timing`), and its message must not end with a guess about this one.
    const unknown = unknownOption(argv);
    const about = unknown !== null && message === `Unknown option '${unknown}'`;
    const likely = about ? likelyOption(unknown) : undefined;
    throw new UsageError(likely === undefined ? message : `${message}. Did you mean ${likely}?`);
  }
  // A value given twice (--port 1 --port 2) is a mistake or a clash: neither is taken silently.
  const given = new Map<string, string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || optionType(token.name) !== 'string') continue;
    const value = token.value ?? '';
    const earlier = given.get(token.name);
    if (earlier !== undefined) {
      throw new UsageError(
        `--${token.name} is given twice ('${earlier}', then '${value}'); give it once`,
      );
    }
    given.set(token.name, value);
  }
  for (const flag of ['port', 'host'] as const) {
    if (!values.gui && values[flag] !== undefined) {
      throw new UsageError(
        `--${flag} serves the site, which --no-gui does not build: give one of them`,
      );
    }
  }
  if (values.host !== undefined && !isIP(values.host) && values.host !== 'localhost') {
    throw new UsageError(
      `--host expects an IP address (127.0.0.1, 0.0.0.0, ::) or localhost, found '${values.host}'`,
    );
  }
  for (const flag of ['config', 'out'] as const) {
    // An empty value (an unset shell variable, say) would mean the working folder.
    if (values[flag] === '') throw new UsageError(`--${flag} expects a path, found ''`);
  }
  // The shell expands `--out ~/x` but not `--out=~/x` nor a quoted '~/x': the reports would go to
  // a folder named '~' in the working folder.
  const out = values.out;
  if (out !== undefined && (out === '~' || out.startsWith('~/'))) {
    throw new UsageError(
      `--out expects a folder path, found '${out}': a leading '~' is not your home folder here but a folder named '~' (the shell expands it in --out ~/dir, not in --out=~/dir); write the full path`,
    );
  }
  return {
    config: values.config,
    configGiven: given.has('config'),
    gui: values.gui,
    port: positiveInteger('--port', values.port ?? String(DEFAULT_PORT), 65535),
    host: values.host ?? DEFAULT_HOST,
    out: values.out ?? null,
    strict: values.strict,
    threads:
      values.threads === undefined ? null : positiveInteger('--threads', values.threads, 256),
    timings: values.timings,
    help: values.help,
    version: values.version,
  };
}

function optionType(name: string): 'string' | 'boolean' | undefined {
  return Object.hasOwn(OPTIONS, name) ? OPTIONS[name as keyof typeof OPTIONS].type : undefined;
}

/** The first option of `argv` that this command does not have, as written; null if none. */
function unknownOption(argv: readonly string[]): string | null {
  const { tokens } = parseArgs({
    args: [...argv],
    allowNegative: true,
    strict: false,
    tokens: true,
    options: OPTIONS,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const type = optionType(token.name);
    const negated = token.rawName.startsWith('--no-');
    if (type === undefined || (negated && type !== 'boolean')) return token.rawName;
  }
  return null;
}

/** The option a misspelt long one likely means: a typo away, or a longer or shorter spelling. */
export function likelyOption(written: string): string | undefined {
  if (!written.startsWith('--')) return undefined;
  const lower = written.toLowerCase();
  const near = closestKey(lower, OPTION_SPELLINGS);
  // A longer or shorter spelling (--output, --conf) shares at least three letters.
  if (near !== undefined || lower.length < 5) return near;
  return OPTION_SPELLINGS.find((option) => lower.startsWith(option) || option.startsWith(lower));
}

function positiveInteger(flag: string, text: string, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > max) {
    throw new UsageError(`${flag} expects a whole number from 1 to ${max}, found '${text}'`);
  }
  return value;
}
