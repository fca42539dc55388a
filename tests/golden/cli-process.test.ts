/**
 * The command as CI systems and shells run it: its standard output closed early or on a full
 * disk, and its arguments. Each test starts the CLI from the sources as a child process.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliEntry, nodeBinary, projectRoot, tempDirs } from '../helpers/cli-process.ts';

const sampleConfig = path.join(projectRoot, 'leaderboard.config.yaml');
const tempDir = tempDirs();

/** Runs the CLI with its standard output closed by the reader before anything is written. */
function withStdoutClosed(
  args: readonly string[],
): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(nodeBinary, [cliEntry, ...args], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reader goes away (`| head -1` once it has its line): writes fail with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('standard output', () => {
  it('ends quietly, with the exit status of the work, when the reader closed the pipe', async () => {
    const out = tempDir('stdout-closed-');
    const run = await withStdoutClosed(['--no-gui', '--config', sampleConfig, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(fs.existsSync(path.join(out, 'results.json'))).toBe(true);
    const help = await withStdoutClosed(['--help']);
    expect(help).toEqual({ status: 0, stderr: '' });
  });

  it.runIf(fs.existsSync('/dev/full'))(
    'says in one line that it cannot be written (a full disk), and exits 1',
    () => {
      const out = tempDir('stdout-full-');
      const full = fs.openSync('/dev/full', 'w');
      try {
        for (const args of [['--no-gui', '--config', sampleConfig, '--out', out], ['--version']]) {
          const run = spawnSync(nodeBinary, [cliEntry, ...args], {
            cwd: projectRoot,
            encoding: 'utf8',
            stdio: ['ignore', full, 'pipe'],
          });
          expect(run.stderr).toBe(
            'seahelm-leaderboard: cannot write to standard output: ENOSPC: no space left on device, write\n',
          );
          expect(run.status).toBe(1);
        }
      } finally {
        fs.closeSync(full);
      }
      // The reports were written before the summary was due.
      expect(fs.existsSync(path.join(out, 'results.json'))).toBe(true);
    },
  );
});

/**
 * A run with `configurations` models, each a link to the sample's files (a big results.json,
 * written long enough to be caught in the middle).
 */
function bigTree(configurations: number): string {
  const root = tempDir('big-tree-');
  const sample = path.join(projectRoot, 'examples/sample/results/hero_8b/ba4000');
  const files = (fs.readdirSync(sample, { recursive: true, encoding: 'utf8' }) as string[])
    .map((relative) => path.join(sample, relative))
    .filter((file) => fs.statSync(file).isFile());
  for (let i = 0; i < configurations; i++) {
    for (const file of files) {
      const target = path.join(root, 'runs/exp', `cfg${i}`, 'ba1000', path.relative(sample, file));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.linkSync(file, target);
    }
  }
  fs.writeFileSync(
    path.join(root, 'leaderboard.config.yaml'),
    'experiments:\n  exp:\n    path: runs/exp\n',
  );
  return root;
}

/** Every file below `dir`, relative. */
function filesBelow(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) =>
    fs.statSync(path.join(dir, f)).isFile(),
  );
}

interface Stopped {
  /** Whether the run was caught while results.json was being written. */
  readonly caught: boolean;
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/**
 * Starts a report, freezes it (SIGSTOP) as soon as its results.json's temporary file appears,
 * sends `signal` and lets it go on (SIGCONT): the signal arrives in the middle of the write.
 */
function stopWhileWriting(
  config: string,
  out: string,
  signal: NodeJS.Signals,
  threads: number,
): Promise<Stopped> {
  fs.mkdirSync(out, { recursive: true });
  return new Promise((resolve, reject) => {
    const args = ['--no-gui', '--threads', String(threads), '--config', config, '--out', out];
    const child = spawn(nodeBinary, [cliEntry, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let caught = false;
    const watcher = fs.watch(out, (_event, name) => {
      if (caught || name === null || !/^\.results\.json\..*\.tmp$/.test(name)) return;
      child.kill('SIGSTOP');
      caught = fs.readdirSync(out).includes(name);
      watcher.close();
      if (caught) child.kill(signal);
      child.kill('SIGCONT');
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status, ended) => {
      watcher.close();
      resolve({ caught, status, signal: ended, stderr });
    });
  });
}

describe('signals', () => {
  let config = '';
  beforeAll(() => {
    config = path.join(bigTree(800), 'leaderboard.config.yaml');
  });

  /** Catches a run in the middle of writing results.json (tried again if the freeze came late). */
  async function caught(threads: number): Promise<{ run: Stopped; out: string }> {
    let run: Stopped | null = null;
    let out = '';
    for (let attempt = 0; attempt < 3 && run?.caught !== true; attempt++) {
      out = path.join(path.dirname(config), `out-${threads}-${attempt}`);
      run = await stopWhileWriting(config, out, 'SIGTERM', threads);
    }
    if (run === null) throw new Error('no run');
    return { run, out };
  }

  it('on SIGTERM while writing, removes its temporary files, leaves whole reports, and ends by the signal', async () => {
    // With a worker thread, which writes the CSV reports meanwhile.
    const { run, out } = await caught(2);
    expect(run.caught).toBe(true);
    const files = filesBelow(out);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(run.signal).toBe('SIGTERM');
    expect(run.stderr).toMatch(/^seahelm-leaderboard: stopped by SIGTERM; the reports in .* are /);
    // A report there is whole: results.json, if renamed into place, parses.
    if (files.includes('results.json')) {
      expect(() =>
        JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')),
      ).not.toThrow();
    }
  });

  it('ends by a signal that came while the last report was written, not with 0 as if not stopped', async () => {
    // One thread: results.json is the last report, and nothing waits after it.
    const { run, out } = await caught(1);
    expect(run.caught).toBe(true);
    expect(run.signal).toBe('SIGTERM');
    expect(run.stderr).toMatch(
      /^seahelm-leaderboard: stopped by SIGTERM; the reports in .* are written\n$/,
    );
    expect(filesBelow(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the working folder', () => {
  it('says to give --config when it has no leaderboard.config.yaml and none was given', () => {
    const elsewhere = tempDir('no-config-here-');
    const run = spawnSync(nodeBinary, [cliEntry, '--no-gui'], {
      cwd: elsewhere,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe(
      `seahelm-leaderboard: no --config given, and the working folder ${fs.realpathSync(elsewhere)} has no leaderboard.config.yaml; give the config with --config FILE\n`,
    );
    expect(run.status).toBe(1);
    // A --config given is named as given.
    const given = spawnSync(
      nodeBinary,
      [cliEntry, '--no-gui', '--config', 'leaderboard.config.yaml'],
      {
        cwd: elsewhere,
        encoding: 'utf8',
      },
    );
    expect(given.stderr).toBe(
      'leaderboard.config.yaml:1:1 (file): cannot read the config file: the file does not exist\n',
    );
  });

  it("gives the error of the working folder's leaderboard.config.yaml when no --config was given", () => {
    const folder = tempDir('invalid-default-config-');
    fs.writeFileSync(path.join(folder, 'leaderboard.config.yaml'), 'experiments: 3\n');
    const run = spawnSync(nodeBinary, [cliEntry, '--no-gui'], { cwd: folder, encoding: 'utf8' });
    expect(run.stderr).toBe(
      'leaderboard.config.yaml:1:14 experiments: expected a mapping, found a number\n',
    );
    expect(run.status).toBe(1);
  });

  it("names the reports '.' when they are written to the working folder itself", () => {
    const folder = tempDir('out-is-cwd-');
    const args = ['--no-gui', '--config', sampleConfig, '--out', '.'];
    const run = spawnSync(nodeBinary, [cliEntry, ...args], { cwd: folder, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')).toContain('reports: .');
    expect(fs.existsSync(path.join(folder, 'results.json'))).toBe(true);
  });

  it("writes no folder named '~' for an --out=~/dir or output.base_dir: ~/dir, which no shell expanded", () => {
    const folder = tempDir('tilde-out-');
    fs.cpSync(path.join(projectRoot, 'examples/sample/results/hero_8b'), path.join(folder, 'h'), {
      recursive: true,
    });
    const config = path.join(folder, 'leaderboard.config.yaml');
    fs.writeFileSync(config, 'hero_runs:\n  h:\n    path: h\noutput:\n  base_dir: ~/reports\n');
    const fromConfig = spawnSync(nodeBinary, [cliEntry, '--no-gui', '--config', config], {
      cwd: folder,
      encoding: 'utf8',
    });
    expect(fromConfig.stderr).toBe(
      `${config}:5:13 output.base_dir: expected a folder path, found '~/reports': a leading '~' is not your home folder here but a folder named '~'; write the full path\n`,
    );
    expect(fromConfig.status).toBe(1);
    const fromOption = spawnSync(
      nodeBinary,
      [cliEntry, '--no-gui', `--config=${config}`, '--out=~/r'],
      {
        cwd: folder,
        encoding: 'utf8',
      },
    );
    expect(fromOption.stderr.split('\n')[0]).toBe(
      "seahelm-leaderboard: --out expects a folder path, found '~/r': a leading '~' is not your home folder here but a folder named '~' (the shell expands it in --out ~/dir, not in --out=~/dir); write the full path",
    );
    expect(fromOption.status).toBe(2);
    expect(fs.readdirSync(folder).sort()).toEqual(['h', 'leaderboard.config.yaml']);
  });

  it('says so when it was removed, rather than an internal error', () => {
    const gone = tempDir('removed-cwd-');
    const out = tempDir('removed-cwd-out-');
    // The shell removes its own working folder, then starts the command there.
    const script = `cd "$1" && rmdir "$1" && exec "$2" "$3" --no-gui --config "$4" --out "$5"`;
    const run = spawnSync(
      'sh',
      ['-c', script, 'sh', gone, nodeBinary, cliEntry, sampleConfig, out],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe(
      'seahelm-leaderboard: the working folder no longer exists (it was removed or moved); change to an existing folder and run again\n',
    );
    expect(run.status).toBe(1);
  });
});

describe("an earlier run's reports", () => {
  it('are named under the reports line when this run did not write them over', () => {
    const out = tempDir('stale-reports-');
    const run = (config: string) =>
      spawnSync(nodeBinary, [cliEntry, '--no-gui', '--config', config, '--out', out], {
        cwd: projectRoot,
        encoding: 'utf8',
      });
    expect(run(sampleConfig).status).toBe(0);
    // One run of the sample, without the per-run reports.
    const config = path.join(tempDir('stale-config-'), 'leaderboard.config.yaml');
    const results = path.join(projectRoot, 'examples/sample/results');
    fs.writeFileSync(
      config,
      `experiments:\n  exp_datamix:\n    path: ${results}/exp_datamix\noutput:\n  save_individual: false\n`,
    );
    const second = run(config);
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
    expect(second.stdout).toContain(
      `reports: ${out}\n  not written by this run, left from an earlier one: ${out}/exp_datamix/, ${out}/exp_lr_gbs/, ${out}/hero_8b/ (nothing is deleted: remove them if they are out of date)\n`,
    );
    // A run that writes them all over names none.
    expect(run(sampleConfig).stdout).not.toContain('left from an earlier one');
  });
});

describe('names from the command line', () => {
  it('shows a config path with control characters escaped, in every message', () => {
    const folder = tempDir('escaped-config-');
    const missing = path.join(folder, 'x\u001b[2Jy.yaml');
    const run = spawnSync(nodeBinary, [cliEntry, '--no-gui', '--config', missing], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `${path.join(folder, 'x\\u001b[2Jy.yaml')}:1:1 (file): cannot read the config file: the file does not exist\n`,
    );
    // A config whose paths hold no result file names itself too.
    fs.writeFileSync(missing, 'experiments:\n  a:\n    path: runs/a\n');
    const empty = spawnSync(nodeBinary, [cliEntry, '--no-gui', '--config', missing], {
      encoding: 'utf8',
    });
    expect(empty.status).toBe(1);
    expect(empty.stderr).not.toContain('\u001b');
    expect(empty.stderr).toContain('x\\u001b[2Jy.yaml; nothing written');
  });
});

describe('--threads', () => {
  it('runs on as many threads as it is given, this one and the workers (--timings says)', () => {
    const timed = (threads: string) => {
      const out = tempDir('threads-');
      const run = spawnSync(
        nodeBinary,
        [
          cliEntry,
          '--no-gui',
          '--timings',
          '--threads',
          threads,
          '--config',
          sampleConfig,
          '--out',
          out,
        ],
        { cwd: projectRoot, encoding: 'utf8' },
      );
      expect(run.status).toBe(0);
      return /timings \(ms since start, ([^)]*)\)/.exec(run.stderr)?.[1];
    };
    expect(timed('1')).toBe('1 thread');
    expect(timed('3')).toBe('3 threads');
  });
});
