/** The command's options (src/cli/args.ts): what is taken, and what is wrong usage (exit 2). */
import { describe, expect, it } from 'vitest';
import { USAGE, UsageError, likelyOption, parseCliArgs } from '../../src/cli/args.ts';

function usageError(argv: readonly string[]): string {
  try {
    parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('parseCliArgs', () => {
  it('refuses an option with a value given twice, naming both values', () => {
    expect(usageError(['--port', '1', '--port', '2'])).toBe(
      "--port is given twice ('1', then '2'); give it once",
    );
    expect(usageError(['--no-gui', '--config', 'a.yaml', '--config=b.yaml'])).toBe(
      "--config is given twice ('a.yaml', then 'b.yaml'); give it once",
    );
    expect(usageError(['--no-gui', '--out', 'x', '--out', 'x'])).toBe(
      "--out is given twice ('x', then 'x'); give it once",
    );
  });

  it("refuses an --out with a leading '~' that no shell expanded (--out=~/dir)", () => {
    const why =
      "a leading '~' is not your home folder here but a folder named '~' (the shell expands it in --out ~/dir, not in --out=~/dir); write the full path";
    expect(usageError(['--no-gui', '--out=~/reports'])).toBe(
      `--out expects a folder path, found '~/reports': ${why}`,
    );
    expect(usageError(['--no-gui', '--out', '~'])).toBe(
      `--out expects a folder path, found '~': ${why}`,
    );
    // A folder whose name only starts with '~' is one.
    expect(parseCliArgs(['--no-gui', '--out', '~reports']).out).toBe('~reports');
    expect(parseCliArgs(['--no-gui', '--out', './~/reports']).out).toBe('./~/reports');
  });

  it('takes a switch given twice (npm run report -- --no-gui)', () => {
    expect(parseCliArgs(['--no-gui', '--no-gui']).gui).toBe(false);
    expect(parseCliArgs(['--strict', '--strict']).strict).toBe(true);
  });

  it('suggests the option a misspelt one likely means', () => {
    expect(usageError(['--confg', 'x.yaml'])).toBe(
      "Unknown option '--confg'. Did you mean --config?",
    );
    expect(usageError(['--no-gu'])).toBe("Unknown option '--no-gu'. Did you mean --no-gui?");
    expect(usageError(['--nogui'])).toBe("Unknown option '--nogui'. Did you mean --no-gui?");
    expect(usageError(['--output', 'r'])).toBe("Unknown option '--output'. Did you mean --out?");
    expect(usageError(['--Threads', '2'])).toBe(
      "Unknown option '--Threads'. Did you mean --threads?",
    );
    // After a switch written negated, which is no unknown option.
    expect(usageError(['--no-gui', '--confg', 'x.yaml'])).toBe(
      "Unknown option '--confg'. Did you mean --config?",
    );
    // Nothing close: no guess.
    expect(usageError(['--xyzzy'])).toBe("Unknown option '--xyzzy'");
    expect(usageError(['-x'])).toBe("Unknown option '-x'");
  });

  it('suggests nothing after a message about another option that comes first', () => {
    expect(usageError(['--strict=1', '--timing'])).toBe(
      "Option '--strict' does not take an argument",
    );
    expect(usageError(['--no-gui', '--version=3', '--thread', '2'])).toBe(
      "Option '--version' does not take an argument",
    );
    expect(usageError(['--strict', '--confg', 'x', '--timing=1'])).toBe(
      "Unknown option '--confg'. Did you mean --config?",
    );
  });

  it('suggests nothing for a word no option is near', () => {
    expect(likelyOption('--constructor')).toBeUndefined();
    expect(likelyOption('--')).toBeUndefined();
    // A shorter spelling shares at least three letters: two are no guess.
    expect(likelyOption('--co')).toBeUndefined();
    expect(likelyOption('--st')).toBeUndefined();
    expect(likelyOption('--con')).toBe('--config');
  });

  it('refuses out-of-range and malformed numbers, and an empty path', () => {
    expect(usageError(['--threads', '0'])).toBe(
      "--threads expects a whole number from 1 to 256, found '0'",
    );
    expect(usageError(['--threads', 'abc'])).toContain("found 'abc'");
    expect(usageError(['--threads', '2e1'])).toContain("found '2e1'");
    expect(usageError(['--port', '70000'])).toBe(
      "--port expects a whole number from 1 to 65535, found '70000'",
    );
    expect(usageError(['--no-gui', '--out', ''])).toBe("--out expects a path, found ''");
  });

  it('takes no arguments but options, also after --', () => {
    expect(usageError(['--no-gui', '--', '--strict'])).toContain("Unexpected argument '--strict'");
    expect(parseCliArgs(['-h']).help).toBe(true);
  });
});

describe('parseCliArgs defaults and limits', () => {
  it("takes the defaults README's table gives when no option is given", () => {
    expect(parseCliArgs([])).toEqual({
      config: 'leaderboard.config.yaml',
      configGiven: false,
      gui: true,
      port: 7060,
      host: '127.0.0.1',
      out: null,
      strict: false,
      threads: null,
      timings: false,
      help: false,
      version: false,
    });
  });

  it('takes both ends of the ranges of --port (1 to 65535) and --threads (1 to 256)', () => {
    expect(parseCliArgs(['--port', '1']).port).toBe(1);
    expect(parseCliArgs(['--port', '65535']).port).toBe(65535);
    expect(parseCliArgs(['--threads', '1']).threads).toBe(1);
    expect(parseCliArgs(['--threads', '256']).threads).toBe(256);
    expect(usageError(['--threads', '257'])).toBe(
      "--threads expects a whole number from 1 to 256, found '257'",
    );
  });

  it('takes localhost and IP addresses for --host, and refuses a host name', () => {
    expect(parseCliArgs(['--host', 'localhost']).host).toBe('localhost');
    expect(parseCliArgs(['--host', '::']).host).toBe('::');
    expect(parseCliArgs(['--host', '0.0.0.0']).host).toBe('0.0.0.0');
    expect(usageError(['--host', 'example.com'])).toBe(
      "--host expects an IP address (127.0.0.1, 0.0.0.0, ::) or localhost, found 'example.com'",
    );
  });
});

describe('USAGE', () => {
  // The help, read on one line: what the README says of --strict and of exit status 1.
  const help = USAGE.replace(/\s+/g, ' ');

  it("says that --strict counts a baseline's failed and invalid values too", () => {
    expect(help).toContain("a task failed or a value is invalid (a baseline's too)");
  });

  it('names a failed site build, a wrong --host and an unfit Node among the causes of exit status 1', () => {
    expect(help).toContain(
      "the site's port in use or a --host that is no address of this machine, a Node that cannot build the site, or a site build that fails (the reports are written first); 2 wrong usage.",
    );
  });
});
