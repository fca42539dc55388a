/**
 * Discovery: every source's candidate files, with their model stem and step. Order is
 * deterministic: sources in config order, files by relative path.
 */

import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import type { LeaderboardConfig } from '../config/types.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { ResultFormat } from '../parse/detect.ts';
import { isInside } from '../path-inside.ts';
import { missingPathHint } from './path-hint.ts';
import { candidateFormats } from './select.ts';
import {
  nameStem,
  sourceKindOf,
  sourceLabel,
  stemIsConfigurationFolder,
  type Source,
  type SourceKind,
} from './sources.ts';
import { layoutWarnings, type WalkedFile } from './layout-warnings.ts';
import { compileStepPatterns, stepFromFolders, stepMiss, type StepMiss } from './steps.ts';
import { listJsonFiles } from './walk.ts';
import { RESULTS_FILE, RESULTS_JSON_HEAD } from '../config/defaults.ts';

export interface DiscoveredFile {
  /** Index into the sources list. */
  readonly source: number;
  readonly absolute: string;
  /** Path relative to the config folder (POSIX), used in every message and report. */
  readonly display: string;
  readonly candidates: readonly ResultFormat[];
  /** What the source is, which says how its models are told apart (messages only). */
  readonly sourceKind: SourceKind;
  /** Model-name stem (configuration, run key or baseline id). */
  readonly stem: string;
  readonly step: number;
}

export interface Discovery {
  readonly files: DiscoveredFile[];
  readonly diagnostics: Diagnostic[];
}

export interface DiscoverOptions {
  /**
   * Called with the files of some models as soon as the walk has found every file of those
   * models (for an experiment, once a configuration folder is walked whole), so that they can
   * be read while the walk goes on. Each file is given once at most; files never given here are
   * in the result only.
   */
  readonly onModels?: (files: readonly DiscoveredFile[]) => void;
}

export async function discover(
  config: LeaderboardConfig,
  sources: readonly Source[],
  options: DiscoverOptions = {},
): Promise<Discovery> {
  const patterns = compileStepPatterns(config.stepPatterns);
  const configDir = path.dirname(config.configFile);
  const files: DiscoveredFile[] = [];
  const diagnostics: Diagnostic[] = [];
  // The reports folder may lie below a run's path: the next run must not read its results.json.
  const skipFile = ownResultsJson(config.output.baseDir);
  /** Per step pattern: the first folder it matched without a number, and how many files. */
  const misses = new Map<number, { miss: StepMiss; files: number }>();
  const noteStepMiss = (miss: StepMiss | null) => {
    if (miss === null) return;
    const known = misses.get(miss.pattern);
    misses.set(miss.pattern, { miss: known?.miss ?? miss, files: (known?.files ?? 0) + 1 });
  };
  for (const [index, source] of sources.entries()) {
    const root = source.config.path;
    const display = (p: string) => toDisplayPath(configDir, p);
    const stat = await fs.promises.stat(root).catch(() => null);
    if (!stat?.isDirectory()) {
      const what =
        stat === null ? `does not exist${missingPathHint(configDir, root)}` : 'is not a folder';
      const message = `${sourceLabel(source)}: path ${display(root)} ${what}; it has no results`;
      diagnostics.push({ kind: 'path-missing', file: display(root), message });
      continue;
    }
    const rules = {
      ...config.fileIdentifiers,
      bhasaConditions: source.config.bhasaConditions,
      enConditions: source.config.enConditions,
    };
    const displayBelow = displayBelowRoot(configDir, root);
    // Each file is described once: a file given early is the same object in the result.
    const described = new Map<string, DiscoveredFile | null>();
    const describe = (relative: string): DiscoveredFile | null => {
      const known = described.get(relative);
      if (known !== undefined) return known;
      const candidates = candidateFormats(rules, relative);
      let file: DiscoveredFile | null = null;
      if (candidates.length > 0) {
        const folders = relative.split('/').slice(0, -1);
        const absolute = below(root, relative);
        file = {
          source: index,
          absolute,
          display: displayBelow(relative, absolute),
          candidates,
          sourceKind: sourceKindOf(source),
          stem: nameStem(source, folders[0] ?? null),
          step: stepFromFolders(folders, patterns),
        };
        // A file without a step whose folders a pattern matches: the pattern captures no number.
        if (file.step === 0) noteStepMiss(stepMiss(folders, patterns));
      }
      described.set(relative, file);
      return file;
    };
    // A model is a stem and a step; where the stem is the configuration folder, every model
    // below a configuration folder is complete once that folder is walked. Not so for a folder
    // named like the run itself: files in the run's root have the run key as their stem.
    const { onModels } = options;
    const rootStem = nameStem(source, null);
    const early =
      onModels !== undefined && stemIsConfigurationFolder(source)
        ? (found: readonly string[]) => {
            const batch = found.flatMap((f) => describe(f) ?? []);
            if (!batch.some((file) => file.stem === rootStem)) onModels(batch);
          }
        : undefined;
    const walked = await listJsonFiles(
      root,
      early === undefined ? { skipFile } : { skipFile, onTopFolder: early },
    );
    for (const { folder, reason } of walked.unreadable) {
      const message = `folder cannot be read (${reason}); files below it are not included`;
      diagnostics.push({
        kind: 'unreadable-folder',
        file: display(path.join(root, folder)),
        message,
      });
    }
    for (const { folder, listedAs } of walked.linked) {
      const target = display(path.join(root, listedAs));
      const message = `reached through a symbolic link, the same folder as ${target}, whose files are listed under that path; not listed twice`;
      diagnostics.push({ kind: 'linked-folder', file: display(path.join(root, folder)), message });
    }
    const before = files.length;
    const layout: WalkedFile[] = [];
    for (const relative of walked.files) {
      const file = describe(relative);
      if (file !== null) files.push(file);
      layout.push({ relative, file });
    }
    diagnostics.push(
      ...layoutWarnings(source, display(root), layout, {
        stepPatterns: patterns,
        harnessPathParts: [...rules.seahelm.pathContains, ...rules.lmEval.pathContains],
      }),
    );
    // An unreadable run folder is said to be so, not to hold nothing.
    const rootUnread = walked.unreadable.some(({ folder }) => folder === '.');
    if (files.length === before && !rootUnread)
      diagnostics.push(emptySource(source, display(root), walked.files.length));
  }
  for (const { miss, files: count } of [...misses.values()].sort(
    (a, b) => a.miss.pattern - b.miss.pattern,
  )) {
    diagnostics.push(stepPatternMiss(config, miss, count));
  }
  return { files, diagnostics };
}

function stepPatternMiss(config: LeaderboardConfig, miss: StepMiss, files: number): Diagnostic {
  const pattern = config.stepPatterns[miss.pattern] ?? '';
  const what = /^\d+$/.test(miss.captured)
    ? `a number above ${Number.MAX_SAFE_INTEGER}, too large to tell steps apart`
    : 'not a number';
  const message = `step pattern '${pattern}' matches folder names such as '${miss.folder}', but its first capture group holds '${miss.captured}', ${what}: ${files} ${files === 1 ? 'file gets' : 'files get'} step 0`;
  return {
    kind: 'no-step-number',
    file: path.basename(config.configFile),
    keyPath: `step_patterns[${miss.pattern}]`,
    message,
  };
}

/**
 * The real path of `<base_dir>/results.json` when the tool wrote it (it starts with its
 * generator's name); null when there is none, or the file there is somebody else's.
 */
export function ownResultsJson(baseDir: string): string | null {
  const file = path.join(baseDir, RESULTS_FILE);
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    if (!fs.fstatSync(fd).isFile()) return null;
    const head = Buffer.alloc(RESULTS_JSON_HEAD.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return head.toString('utf8', 0, read) === RESULTS_JSON_HEAD
      ? fs.realpathSync.native(file)
      : null;
  } catch {
    return null;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** A run or baseline whose folder holds no candidate file: its rows would vanish unnoticed. */
function emptySource(source: Source, root: string, jsonFiles: number): Diagnostic {
  const { bhasaConditions, enConditions } = source.config;
  const filtered = bhasaConditions !== null || enConditions !== null;
  const why =
    jsonFiles === 0
      ? 'it holds no .json file'
      : filtered
        ? 'the path filters and its conditions leave none'
        : 'none passes the path filters (file_identifiers)';
  const message = `${sourceLabel(source)}: no result file below ${root}: ${why}`;
  return { kind: 'empty-source', file: root, message };
}

/**
 * Display paths of the files below a root: the root's and the relative path joined, rather
 * than a path.relative per file (a big tree has tens of thousands of files). That holds unless
 * the root holds the config folder, where a file's path may pass through the config folder.
 */
function displayBelowRoot(configDir: string, root: string) {
  const rootDisplay = toDisplayPath(configDir, root);
  const configInRoot = isInside(configDir, root);
  if (rootDisplay !== '.' && configInRoot) {
    return (_relative: string, absolute: string) => toDisplayPath(configDir, absolute);
  }
  return (relative: string) => (rootDisplay === '.' ? relative : `${rootDisplay}/${relative}`);
}

/** `path.join(root, relative)` for a relative path without `.` or `..` parts. */
function below(root: string, relative: string): string {
  const native = path.sep === '/' ? relative : relative.split('/').join(path.sep);
  return root.endsWith(path.sep) ? root + native : root + path.sep + native;
}

export function toDisplayPath(configDir: string, target: string): string {
  const relative = path.relative(configDir, target) || '.';
  return relative.split(path.sep).join('/');
}
