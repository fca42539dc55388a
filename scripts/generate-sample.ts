/**
 * Writes the bundled sample result tree, `examples/sample/results/` (the default config's data):
 * two experiments, a hero run and their baselines, with SEA-HELM and lm-eval files shaped like
 * real ones and the imperfections listed in `examples/sample/README.md`.
 *
 * Deterministic: a seeded generator and fixed timestamps, so running it twice gives the same
 * bytes. Usage: `npm run sample` (node scripts/generate-sample.ts).
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lmEvalPath, seahelmPath, writeLmEvalFile, writeSeahelmFile } from './synth/files.ts';
import {
  buildLmEvalResults,
  HARNESS_0_4_5,
  HARNESS_0_4_8,
  HARNESS_0_4_9,
  type HarnessProfile,
  LLAMA_TOKENIZER,
  SHORT_ENV_INFO,
  type TaskRequest,
  type TokenizerInfo,
} from './synth/lmeval.ts';
import type { Benchmark } from './synth/lmeval-tasks.ts';
import { Rng } from './synth/prng.ts';
import { buildSeahelmResults, type SeahelmLayout, type TaskRef } from './synth/seahelm.ts';
import { addSeconds, type Instant, instant } from './synth/time.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_DIR = join(REPO_ROOT, 'examples', 'sample', 'results');
const SIZE_BUDGET_BYTES = 5 * 1024 * 1024;

/** One SEA-HELM file of a checkpoint. */
interface SeahelmPlan {
  readonly layout: SeahelmLayout;
  readonly at: Instant;
  readonly includeEnglish?: boolean;
  readonly only?: readonly TaskRef[];
  readonly failed?: readonly TaskRef[];
  readonly partial?: readonly TaskRef[];
  readonly errorRate?: number;
}

/** One lm-eval file of a checkpoint. */
interface LmEvalPlan {
  readonly request: TaskRequest;
  readonly at: Instant;
  readonly limit?: number;
}

/** Everything written for one checkpoint (or one baseline model). */
interface CheckpointPlan {
  /** Folder relative to the results root. */
  readonly dir: string;
  /** SEA-HELM's `<model>` (basename of the model path). */
  readonly model: string;
  /** The model path or hub id given to lm-eval (`pretrained=`). */
  readonly pretrained: string;
  readonly seaSkill: number;
  readonly enSkill: number;
  readonly parameters: number;
  readonly harness: HarnessProfile;
  readonly tokenizer: TokenizerInfo;
  readonly seahelm: readonly SeahelmPlan[];
  readonly lmEval: readonly LmEvalPlan[];
}

const ALL_ENGLISH: TaskRequest = 'leaderboard';
const ENGLISH_WITHOUT_MATH: readonly Benchmark[] = ['bbh', 'gpqa', 'ifeval', 'mmlu_pro', 'musr'];
const EVERY_BENCHMARK: readonly Benchmark[] = [...ENGLISH_WITHOUT_MATH, 'math_hard'];

const HOUR = 3600;
const DAY = 24 * HOUR;
const SMALL_MODEL_PARAMETERS = 1498482688;

/** A saturating training curve: 1 - drop * scale / (scale + progress), no transcendental maths. */
function growth(progress: number, scale: number, drop: number): number {
  return 1 - (drop * scale) / (scale + progress);
}

/** A time `offsetSeconds` after `origin`, plus up to 50 minutes, with seeded microseconds. */
function timeAfter(origin: Instant, offsetSeconds: number, rng: Rng): Instant {
  return addSeconds(origin, offsetSeconds + rng.int(0, 50 * 60), rng.int(1, 999999));
}

/** Exactly `seconds` after `at`, with other (but fixed) microseconds: a separate invocation. */
function later(at: Instant, seconds: number): Instant {
  return addSeconds(at, seconds, (at.micros * 7 + 123457) % 1000000);
}

// ---------------------------------------------------------------------------------------------
// exp_datamix: a data-mix sweep over en_ratio x cc_ratio, checkpoints ba1000 ... ba4000.

const DATAMIX_GRID: readonly (readonly [number, number, number])[] = [
  // en_ratio, cc_ratio, number of checkpoints
  [0.1, 0.3, 4],
  [0.2, 0.1, 3],
  [0.2, 0.5, 3],
  [0.35, 0.3, 4],
  [0.5, 0.1, 3],
  [0.5, 0.5, 3],
];

function datamixName(en: number, cc: number): string {
  return `n4-g8-en_ratio${en}-cc_ratio${cc}`;
}

/** SEA quality peaks near en 0.2 / cc 0.35; English grows with the English share. */
function datamixSkills(en: number, cc: number): { sea: number; en: number } {
  return {
    sea: 0.8 - 2 * (en - 0.2) ** 2 - 1.5 * (cc - 0.35) ** 2,
    en: 0.35 + 0.7 * en - 0.6 * (cc - 0.3) ** 2,
  };
}

function datamixPlans(rng: Rng): CheckpointPlan[] {
  const origin = instant('2025-09-01T08:00:00Z');
  const plans: CheckpointPlan[] = [];
  DATAMIX_GRID.forEach(([en, cc, count], configIndex) => {
    const config = datamixName(en, cc);
    const final = datamixSkills(en, cc);
    for (let k = 1; k <= count; k++) {
      const step = k * 1000;
      const checkpoint = `ba${step}`;
      const r = rng.fork(`${config}/${checkpoint}`);
      const curve = growth(step, 1500, 0.5);
      const seaAt = timeAfter(origin, configIndex * 2 * HOUR + k * DAY, r);
      plans.push({
        dir: join('exp_datamix', config, checkpoint),
        model: `${config}-${checkpoint}`,
        pretrained: `/exports/exp_datamix/${config}-${checkpoint}`,
        seaSkill: final.sea * curve + r.normal(0, 0.01),
        enSkill: final.en * curve + r.normal(0, 0.01),
        parameters: SMALL_MODEL_PARAMETERS,
        harness: HARNESS_0_4_8,
        tokenizer: LLAMA_TOKENIZER,
        seahelm: [{ layout: 'v1', at: seaAt, errorRate: 0.05 }],
        lmEval: [{ request: ALL_ENGLISH, at: timeAfter(seaAt, 5 * HOUR, r) }],
      });
    }
  });
  return plans;
}

// ---------------------------------------------------------------------------------------------
// exp_lr_gbs: a learning-rate x batch-size sweep; the same token budget, so small batches take
// more steps. Checkpoint folders `global_step_<n>` or `step=<n>`; the `step=` configurations were
// evaluated with the 2026 SEA-HELM (run_0/results layout, ms and my included, plus SEA-HELM's
// own English block).

interface SweepConfig {
  readonly name: string;
  readonly gbs: number;
  readonly folder: (step: number) => string;
  readonly sea: number;
  readonly en: number;
  readonly checkpoints: number;
}

const globalStep = (step: number): string => `global_step_${step}`;
const stepEquals = (step: number): string => `step=${step}`;

const SWEEP: readonly SweepConfig[] = [
  { name: 'LR1e-4_GBS1024', gbs: 1024, folder: globalStep, sea: 0.64, en: 0.5, checkpoints: 3 },
  { name: 'LR3e-4_GBS512', gbs: 512, folder: globalStep, sea: 0.76, en: 0.6, checkpoints: 4 },
  { name: 'LR3e-5_GBS1024', gbs: 1024, folder: globalStep, sea: 0.42, en: 0.34, checkpoints: 3 },
  { name: 'LR1e-4-GBS64', gbs: 64, folder: stepEquals, sea: 0.58, en: 0.47, checkpoints: 3 },
  { name: 'LR6e-4_GBS256', gbs: 256, folder: stepEquals, sea: 0.72, en: 0.58, checkpoints: 3 },
  { name: 'LR1e-3_GBS512', gbs: 512, folder: stepEquals, sea: 0.5, en: 0.42, checkpoints: 3 },
];

const SWEEP_TOKENS_IN_SEQUENCES = 2_048_000;

function sweepPlans(rng: Rng): CheckpointPlan[] {
  const origin = instant('2025-10-06T09:00:00Z');
  const plans: CheckpointPlan[] = [];
  SWEEP.forEach((config, configIndex) => {
    const totalSteps = SWEEP_TOKENS_IN_SEQUENCES / config.gbs;
    const layout: SeahelmLayout = config.folder === stepEquals ? '2026' : 'v1';
    for (let k = 1; k <= config.checkpoints; k++) {
      const step = (totalSteps * k) / 4;
      const checkpoint = config.folder(step);
      const r = rng.fork(`${config.name}/${checkpoint}`);
      const curve = growth(k / 4, 0.35, 0.5);
      const seaAt = timeAfter(origin, configIndex * 3 * HOUR + k * 1.5 * DAY, r);
      plans.push({
        dir: join('exp_lr_gbs', config.name, checkpoint),
        model: `${config.name}-${checkpoint}`,
        pretrained: `/exports/exp_lr_gbs/${config.name}-${checkpoint}`,
        seaSkill: config.sea * curve + r.normal(0, 0.01),
        enSkill: config.en * curve + r.normal(0, 0.01),
        parameters: SMALL_MODEL_PARAMETERS,
        harness: HARNESS_0_4_9,
        tokenizer: LLAMA_TOKENIZER,
        seahelm: [
          {
            layout,
            at: seaAt,
            errorRate: layout === 'v1' ? 0.03 : 0,
            includeEnglish: layout === '2026',
          },
        ],
        lmEval: [{ request: ALL_ENGLISH, at: timeAfter(seaAt, 4 * HOUR, r) }],
      });
    }
  });
  return plans;
}

// ---------------------------------------------------------------------------------------------
// hero_8b: one long run, ba2000 ... ba20000.

function heroPlans(rng: Rng): CheckpointPlan[] {
  const origin = instant('2025-07-01T06:00:00Z');
  const plans: CheckpointPlan[] = [];
  for (let step = 2000; step <= 20000; step += 2000) {
    const checkpoint = `ba${step}`;
    const r = rng.fork(`hero/${checkpoint}`);
    const curve = growth(step, 5000, 0.55);
    const seaAt = timeAfter(origin, (step / 2000) * 3 * DAY, r);
    plans.push({
      dir: join('hero_8b', checkpoint),
      model: `hero_8b-${checkpoint}`,
      pretrained: `/exports/hero_8b/${checkpoint}-hf`,
      seaSkill: 0.9 * curve + r.normal(0, 0.008),
      enSkill: 0.78 * curve + r.normal(0, 0.008),
      parameters: 8030261248,
      harness: HARNESS_0_4_5,
      tokenizer: { ...LLAMA_TOKENIZER, maxLength: 131072 },
      seahelm: [{ layout: 'v1', at: seaAt, errorRate: 0.02 }],
      lmEval: [{ request: EVERY_BENCHMARK, at: timeAfter(seaAt, 9 * HOUR, r) }],
    });
  }
  return plans;
}

// ---------------------------------------------------------------------------------------------
// Baselines: public models evaluated once (step 0).

function baselinePlans(rng: Rng): CheckpointPlan[] {
  const r = (label: string): Rng => rng.fork(`baseline/${label}`);
  return [
    {
      // Files directly in the baseline folder.
      dir: join('baselines', 'gemma-3-4b'),
      model: 'gemma-3-4b-it',
      pretrained: 'google/gemma-3-4b-it',
      seaSkill: 0.7,
      enSkill: 0.6,
      parameters: 4300079472,
      harness: HARNESS_0_4_9,
      tokenizer: {
        pad: ['<pad>', '0'],
        eos: ['<eos>', '1'],
        bos: ['<bos>', '2'],
        eotTokenId: 1,
        maxLength: 131072,
      },
      seahelm: [
        {
          layout: 'v1',
          at: timeAfter(instant('2025-08-12T10:00:00Z'), 0, r('gemma')),
          includeEnglish: true,
        },
      ],
      lmEval: [
        { request: ALL_ENGLISH, at: timeAfter(instant('2025-08-12T19:00:00Z'), 0, r('gemma-en')) },
      ],
    },
    {
      // Files below a folder named after the model (not a step).
      dir: join('baselines', 'qwen3-4b', 'Qwen3-4B-Base'),
      model: 'Qwen3-4B-Base',
      pretrained: 'Qwen/Qwen3-4B-Base',
      seaSkill: 0.74,
      enSkill: 0.7,
      parameters: 4022468096,
      harness: HARNESS_0_4_8,
      tokenizer: {
        pad: ['<|endoftext|>', '151643'],
        eos: ['<|endoftext|>', '151643'],
        bos: [null, 'None'],
        eotTokenId: 151643,
        maxLength: 32768,
      },
      // A whole-second timestamp: Python then writes no fraction in the file name.
      seahelm: [{ layout: 'v1', at: instant('2025-08-14T11:30:00Z', 0) }],
      lmEval: [
        { request: ALL_ENGLISH, at: timeAfter(instant('2025-08-14T20:00:00Z'), 0, r('qwen-en')) },
      ],
    },
    {
      dir: join('baselines', 'llama-3.1-8b'),
      model: 'Llama-3.1-8B',
      pretrained: 'meta-llama/Llama-3.1-8B',
      seaSkill: 0.66,
      enSkill: 0.64,
      parameters: 8030261248,
      harness: HARNESS_0_4_5,
      tokenizer: { ...LLAMA_TOKENIZER, maxLength: 131072 },
      seahelm: [{ layout: 'v1', at: timeAfter(instant('2025-06-20T09:00:00Z'), 0, r('llama')) }],
      lmEval: [
        {
          request: EVERY_BENCHMARK,
          at: timeAfter(instant('2025-06-21T09:00:00Z'), 0, r('llama-en')),
        },
      ],
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Imperfections (each one is documented in examples/sample/README.md).

function findPlan(plans: CheckpointPlan[], dir: string): { index: number; plan: CheckpointPlan } {
  const index = plans.findIndex((plan) => plan.dir === dir);
  const plan = plans[index];
  if (plan === undefined) throw new Error(`no planned checkpoint ${dir}`);
  return { index, plan };
}

function amend(
  plans: CheckpointPlan[],
  dir: string,
  change: (plan: CheckpointPlan) => CheckpointPlan,
): void {
  const { index, plan } = findPlan(plans, dir);
  plans[index] = change(plan);
}

function firstSeahelm(plan: CheckpointPlan): SeahelmPlan {
  const first = plan.seahelm[0];
  if (first === undefined) throw new Error(`${plan.dir} has no SEA-HELM file`);
  return first;
}

function firstLmEval(plan: CheckpointPlan): LmEvalPlan {
  const first = plan.lmEval[0];
  if (first === undefined) throw new Error(`${plan.dir} has no lm-eval file`);
  return first;
}

function addImperfections(plans: CheckpointPlan[]): void {
  // 1. A failed task: vi nli raised during evaluation (2026 error entry).
  amend(plans, join('exp_lr_gbs', 'LR1e-3_GBS512', 'step=2000'), (plan) => ({
    ...plan,
    seahelm: [{ ...firstSeahelm(plan), failed: [{ lang: 'vi', task: 'nli' }] }],
  }));

  // 2. A partial entry: th translation-xx-en without its primary metric (MetricX gave nothing).
  amend(plans, join('hero_8b', 'ba8000'), (plan) => ({
    ...plan,
    seahelm: [{ ...firstSeahelm(plan), partial: [{ lang: 'th', task: 'translation-xx-en' }] }],
  }));

  // 3. A checkpoint without English results: lm-eval has not run yet on the newest checkpoint.
  amend(plans, join('exp_datamix', datamixName(0.5, 0.5), 'ba3000'), (plan) => ({
    ...plan,
    lmEval: [],
  }));

  // 4. Two SEA-HELM files: if-eval failed for id and vi, then was re-run on its own a day later.
  const rerun: TaskRef[] = [
    { lang: 'id', task: 'if-eval' },
    { lang: 'vi', task: 'if-eval' },
  ];
  amend(plans, join('exp_datamix', datamixName(0.2, 0.1), 'ba3000'), (plan) => {
    const first = firstSeahelm(plan);
    const second: SeahelmPlan = {
      layout: first.layout,
      at: later(first.at, DAY + 2 * HOUR),
      only: rerun,
    };
    return { ...plan, seahelm: [{ ...first, failed: rerun }, second] };
  });

  // 5. English results split over two files: math_hard was run separately, three hours later.
  amend(plans, join('exp_lr_gbs', 'LR3e-4_GBS512', 'global_step_4000'), (plan) => {
    const first = firstLmEval(plan);
    return {
      ...plan,
      lmEval: [
        { request: ENGLISH_WITHOUT_MATH, at: first.at },
        { request: ['math_hard'], at: later(first.at, 3 * HOUR) },
      ],
    };
  });

  // 6. A `--limit 10` smoke test: the first hero checkpoint's lm-eval run.
  amend(plans, join('hero_8b', 'ba2000'), (plan) => ({
    ...plan,
    lmEval: [{ ...firstLmEval(plan), limit: 10 }],
  }));
}

// ---------------------------------------------------------------------------------------------
// Writing.

function writeCheckpoint(plan: CheckpointPlan, rng: Rng): number {
  const dir = join(RESULTS_DIR, plan.dir);
  let bytes = 0;
  plan.seahelm.forEach((sea, i) => {
    const content = buildSeahelmResults({
      layout: sea.layout,
      skill: plan.seaSkill,
      rng: rng.fork(`${plan.dir}/seahelm/${i}`),
      ...(sea.includeEnglish === undefined ? {} : { includeEnglish: sea.includeEnglish }),
      ...(sea.only === undefined ? {} : { only: sea.only }),
      ...(sea.failed === undefined ? {} : { failed: sea.failed }),
      ...(sea.partial === undefined ? {} : { partial: sea.partial }),
      ...(sea.errorRate === undefined ? {} : { errorRate: sea.errorRate }),
    });
    bytes += writeSeahelmFile(seahelmPath(dir, plan.model, sea.layout, sea.at), content);
  });
  plan.lmEval.forEach((run, i) => {
    const r = rng.fork(`${plan.dir}/lm-eval/${i}`);
    const content = buildLmEvalResults({
      rng: r,
      skill: plan.enSkill,
      modelArgs: { pretrained: plan.pretrained, dtype: 'bfloat16' },
      modelParameters: plan.parameters,
      request: run.request,
      harness: plan.harness,
      limit: run.limit ?? null,
      savedAt: run.at,
      durationSeconds: r.int(
        run.limit === undefined ? 2 * HOUR : 300,
        run.limit === undefined ? 5 * HOUR : 900,
      ),
      configDetail: 'compact',
      shape: 'cli',
      tokenizer: plan.tokenizer,
      prettyEnvInfo: SHORT_ENV_INFO,
    });
    bytes += writeLmEvalFile(lmEvalPath(dir, plan.pretrained, run.at), content);
  });
  return bytes;
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? allFiles(path) : [path];
  });
}

function main(): void {
  const rng = new Rng('seahelm-leaderboard-sample-v1');
  const plans = [
    ...datamixPlans(rng.fork('exp_datamix')),
    ...sweepPlans(rng.fork('exp_lr_gbs')),
    ...heroPlans(rng.fork('hero_8b')),
    ...baselinePlans(rng.fork('baselines')),
  ];
  addImperfections(plans);

  rmSync(RESULTS_DIR, { recursive: true, force: true });
  let bytes = 0;
  for (const plan of plans) bytes += writeCheckpoint(plan, rng.fork('content'));

  const files = allFiles(RESULTS_DIR);
  const total = files.reduce((sum, file) => sum + statSync(file).size, 0);
  const where = relative(process.cwd(), RESULTS_DIR) || '.';
  console.log(`wrote ${files.length} files, ${(total / 1024 / 1024).toFixed(2)} MB, to ${where}`);
  if (total !== bytes) throw new Error('written and found sizes differ');
  if (total > SIZE_BUDGET_BYTES) {
    console.error(`the sample exceeds its ${SIZE_BUDGET_BYTES / 1024 / 1024} MB budget`);
    process.exitCode = 1;
  }
}

main();
