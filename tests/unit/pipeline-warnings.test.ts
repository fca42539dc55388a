/** Warnings the pipeline adds about the config itself, once the files are read. */
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTree, realFile, runOn } from '../helpers/tree.ts';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

describe('sea_languages', () => {
  it('warns about a configured language that no SEA-HELM file has', async () => {
    const root = makeTree({
      'runs/exp/cfg/ba1/seahelm/m_seahelm_results_2025-08-28T02:07:37.968001.json': realFile(
        'seahelm',
        'gpt-4.1-nano',
      ),
    });
    roots.push(root);
    const yaml = 'experiments:\n  exp: { path: runs/exp }\nsea_languages: [id, xx, th, VI]\n';
    const result = await runOn(root, yaml);
    expect(result.diagnostics.filter((d) => d.kind === 'unseen-language')).toEqual([
      {
        kind: 'unseen-language',
        file: 'leaderboard.config.yaml',
        keyPath: 'sea_languages',
        message: "'xx' is in no SEA-HELM file read; it has no column",
      },
      {
        kind: 'unseen-language',
        file: 'leaderboard.config.yaml',
        keyPath: 'sea_languages',
        message: "'VI' is in no SEA-HELM file read; it has no column (did you mean 'vi'?)",
      },
    ]);
    expect(result.runs[0]?.table.columns.lang).toEqual(['sea_total', 'id', 'th', 'en', 'total']);
  });
});

describe('language codes that differ only in case', () => {
  const text = (lang: string) => `{"${lang}": {"nlu": {"sentiment": {"normalized_accuracy": 50}}}}`;
  const tree = () => {
    const root = makeTree({
      'runs/exp/c/ba1/seahelm/x_seahelm_results_2025-01-01T00:00:00.json': text('id'),
      'runs/exp/c/ba2/seahelm/x_seahelm_results_2025-01-01T00:00:00.json': text('ID'),
      'runs/exp/c/ba3/seahelm/x_seahelm_results_2025-01-01T00:00:00.json': text('EN'),
      'runs/exp/c/ba4/seahelm/x_seahelm_results_2025-01-01T00:00:00.json': text('en'),
    });
    roots.push(root);
    return root;
  };

  it('warns that they are scored as two languages (English, never scored, aside)', async () => {
    const result = await runOn(tree(), 'experiments:\n  exp: { path: runs/exp }\n');
    expect(result.diagnostics.filter((d) => d.kind === 'language-case')).toEqual([
      {
        kind: 'language-case',
        file: 'runs/exp/c/ba2/seahelm/x_seahelm_results_2025-01-01T00:00:00.json',
        keyPath: 'ID',
        message:
          "the language codes 'ID' and 'id' differ only in case; each is scored as a language of its own, with its own columns (SEA-HELM writes codes in lower case: fix the files that spell one otherwise; 'ID' is in this file)",
      },
    ]);
    expect(result.runs[0]?.table.columns.lang).toEqual(['sea_total', 'id', 'ID', 'en', 'total']);
  });

  it('says which of them sea_languages leaves out', async () => {
    const yaml = 'experiments:\n  exp: { path: runs/exp }\nsea_languages: [id]\n';
    const result = await runOn(tree(), yaml);
    expect(result.diagnostics.filter((d) => d.kind === 'language-case')).toEqual([
      {
        kind: 'language-case',
        file: 'runs/exp/c/ba2/seahelm/x_seahelm_results_2025-01-01T00:00:00.json',
        keyPath: 'ID',
        message:
          "the language codes 'ID' and 'id' differ only in case; only 'id' is scored; the tasks under 'ID' are ignored (SEA-HELM writes codes in lower case: fix the files that spell one otherwise; 'ID' is in this file)",
      },
    ]);
  });
});

describe('language codes that differ only in case, in several files', () => {
  it('names the first file of each spelling and counts the others, a file read twice once', async () => {
    const text = (lang: string) =>
      `{"${lang}": {"nlu": {"sentiment": {"normalized_accuracy": 50}}}}`;
    const root = makeTree({
      'runs/exp/c/ba1/seahelm/x_seahelm_results_2025-01-01T00:00:00.json': text('th'),
      'runs/exp/c/ba2/seahelm/x_seahelm_results_2025-01-01T00:00:00.json': text('Th'),
      'runs/exp/c/ba3/seahelm/x_seahelm_results_2025-01-01T00:00:00.json': text('TH'),
      'runs/exp/c/ba4/seahelm/x_seahelm_results_2025-01-01T00:00:00.json': text('TH'),
      'runs/exp/c/ba5/seahelm/x_seahelm_results_2025-01-01T00:00:00.json': text('TH'),
    });
    roots.push(root);
    // The baseline's path is inside the run's: its files are read for both sources.
    const yaml = [
      'experiments:',
      '  exp: { path: runs/exp }',
      '  baselines:',
      '    b: { path: runs/exp/c/ba5, target_experiments: [0] }',
      '',
    ].join('\n');
    const result = await runOn(root, yaml);
    expect(result.diagnostics.filter((d) => d.kind === 'language-case')).toEqual([
      {
        kind: 'language-case',
        file: 'runs/exp/c/ba3/seahelm/x_seahelm_results_2025-01-01T00:00:00.json',
        keyPath: 'TH',
        message:
          "the language codes 'TH', 'Th' and 'th' differ only in case; each is scored as a language of its own, with its own columns (SEA-HELM writes codes in lower case: fix the files that spell one otherwise; 'TH' is in this file and 2 others; 'Th' is in runs/exp/c/ba2/seahelm/x_seahelm_results_2025-01-01T00:00:00.json)",
      },
    ]);
  });
});

describe('files that contribute nothing', () => {
  it('give no row and do not widen the step padding; each is skipped with its reason', async () => {
    const sea = (body: string) => `{${body}}`;
    const root = makeTree({
      'runs/exp/c/ba5/seahelm/x_seahelm_results_2025-01-01T00:00:00.json': sea(
        '"id": {"nlu": {"sentiment": {"normalized_accuracy": 50}}}',
      ),
      // Only SEA-HELM's own English tasks: nothing is scored.
      'runs/exp/c/ba100000/seahelm/x_seahelm_results_2025-01-01T00:00:00.json': sea(
        '"en": {"nlu": {"belebele-qa-mc": {"normalized_accuracy": 20}}}',
      ),
    });
    roots.push(root);
    const result = await runOn(root, 'experiments:\n  exp: { path: runs/exp }\n');
    expect(result.runs[0]?.table.rows.map((r) => r.model)).toEqual(['c_5']);
    expect(result.files.map((f) => [f.status, f.model, f.reason])).toEqual([
      ['skipped', null, 'no scored task in the file'],
      ['used', 'c_5', null],
    ]);
  });
});

describe('hyperparameters', () => {
  const sea = '{"id": {"nlu": {"sentiment": {"normalized_accuracy": 50}}}}';
  const file = (config: string) =>
    `runs/exp/${config}/ba1/seahelm/x_seahelm_results_2025-01-01T00:00:00.json`;

  it('warns about a pattern that matches configuration names but reads no number from some', async () => {
    const root = makeTree({
      [file('LR1e-4_GBSx')]: sea,
      [file('LRabc_GBSy')]: sea,
      [file('LR2e-4_GBS64')]: sea,
      [file('plain')]: sea,
    });
    roots.push(root);
    const yaml = [
      'experiments:\n  exp: { path: runs/exp }',
      'hyperparameters:',
      "  - { name: LR, pattern: 'LR([^_]+)' }",
      "  - { name: GBS, pattern: 'GBS(\\d*)' }",
      "  - { name: WD, pattern: 'WD(\\d+)' }",
      '',
    ].join('\n');
    const result = await runOn(root, yaml);
    expect(result.diagnostics.filter((d) => d.kind === 'no-hyperparameter-number')).toEqual([
      {
        kind: 'no-hyperparameter-number',
        file: 'leaderboard.config.yaml',
        keyPath: 'hyperparameters[0].pattern',
        message:
          "hyperparameter pattern 'LR([^_]+)' matches configuration names such as 'LRabc_GBSy', but its first capture group holds 'abc', not a number: 1 of the 3 names it matches has no LR value in the charts",
      },
      {
        kind: 'no-hyperparameter-number',
        file: 'leaderboard.config.yaml',
        keyPath: 'hyperparameters[1].pattern',
        message:
          "hyperparameter pattern 'GBS(\\d*)' matches configuration names such as 'LR1e-4_GBSx', but its first capture group holds '', not a number: 2 of the 3 names it matches have no GBS value in the charts",
      },
    ]);
  });

  it('says when the one name a pattern matches has no value, and when a capture overflows', async () => {
    const root = makeTree({ [file('LR1e400_GBSx')]: sea });
    roots.push(root);
    const yaml = [
      'experiments:\n  exp: { path: runs/exp }',
      'hyperparameters:',
      "  - { name: LR, pattern: 'LR([^_]+)' }",
      "  - { name: GBS, pattern: 'GBS(\\w+)' }",
      '',
    ].join('\n');
    const result = await runOn(root, yaml);
    expect(
      result.diagnostics.filter((d) => d.kind === 'no-hyperparameter-number').map((d) => d.message),
    ).toEqual([
      "hyperparameter pattern 'LR([^_]+)' matches configuration names such as 'LR1e400_GBSx', but its first capture group holds '1e400', a number too large to use: the 1 name it matches has no LR value in the charts",
      "hyperparameter pattern 'GBS(\\w+)' matches configuration names such as 'LR1e400_GBSx', but its first capture group holds 'x', not a number: the 1 name it matches has no GBS value in the charts",
    ]);
  });

  it('says nothing when every name a pattern matches gives a number, or a baseline alone does not', async () => {
    const root = makeTree({
      [file('LR1e-4')]: sea,
      'base/x/seahelm/b_seahelm_results_2025-01-01T00:00:00.json': sea,
    });
    roots.push(root);
    const yaml =
      "experiments:\n  exp: { path: runs/exp }\n  baselines:\n    LRbase: { path: base, target_experiments: [0] }\nhyperparameters:\n  - { name: LR, pattern: 'LR([^_]+)' }\n";
    const result = await runOn(root, yaml);
    expect(result.runs[0]?.table.rows.map((r) => r.baseline)).toContain(
      'BASELINE_experiments_LRbase',
    );
    expect(result.diagnostics.filter((d) => d.kind === 'no-hyperparameter-number')).toEqual([]);
  });
});

describe('names with hidden characters', () => {
  it('warns, per run and baseline, about model names with control or direction characters', async () => {
    const sea = '{"id": {"nlu": {"sentiment": {"normalized_accuracy": 50}}}}';
    const stamp = '2025-01-01T00:00:00';
    const root = makeTree({
      [`runs/exp/cfg\u202ekcab/ba1/seahelm/x_seahelm_results_${stamp}.json`]: sea,
      [`runs/exp/plain/ba1/seahelm/x_seahelm_results_${stamp}.json`]: sea,
      [`base/seahelm/b_seahelm_results_${stamp}.json`]: sea,
    });
    roots.push(root);
    const yaml =
      'experiments:\n  exp: { path: runs/exp }\n  baselines:\n    "ref\\u2066": { path: base }\n';
    const result = await runOn(root, yaml);
    expect(result.diagnostics.filter((d) => d.kind === 'hidden-characters')).toEqual([
      {
        kind: 'hidden-characters',
        message:
          "experiments.exp: 1 model name holds control or text-direction characters, such as 'cfg\\u202ekcab_1'; the pages show names as written, where such characters can reorder or hide what is shown (the CSV reports keep them as they are)",
      },
      {
        kind: 'hidden-characters',
        message:
          'experiments.baselines["ref\\u2066"]: 1 model name holds control or text-direction characters, such as \'BASELINE_experiments_ref\\u2066_00000\'; the pages show names as written, where such characters can reorder or hide what is shown (the CSV reports keep them as they are)',
      },
    ]);
  });
});

describe('rows that share a name', () => {
  it('warns when a configuration folder is named like a baseline row of the same run', async () => {
    const sea = (value: number) =>
      `{"id": {"nlu": {"sentiment": {"normalized_accuracy": ${value}}}}}`;
    const stamp = '2025-01-01T00:00:00';
    const root = makeTree({
      [`runs/exp/BASELINE_experiments_bl/seahelm/x_seahelm_results_${stamp}.json`]: sea(40),
      [`runs/exp/cfg/seahelm/x_seahelm_results_${stamp}.json`]: sea(45),
      [`base/seahelm/b_seahelm_results_${stamp}.json`]: sea(50),
    });
    roots.push(root);
    const yaml = 'experiments:\n  exp: { path: runs/exp }\n  baselines:\n    bl: { path: base }\n';
    const result = await runOn(root, yaml);
    expect(result.runs[0]?.table.rows.map((r) => r.model)).toEqual([
      'BASELINE_experiments_bl_00000',
      'cfg_00000',
      'BASELINE_experiments_bl_00000',
    ]);
    expect(result.diagnostics.filter((d) => d.kind === 'same-model-name')).toEqual([
      {
        kind: 'same-model-name',
        message:
          "experiments.exp: 2 rows are named 'BASELINE_experiments_bl_00000' (a model of the run and the baseline BASELINE_experiments_bl); the reports and pages cannot tell them apart: rename the configuration folder",
      },
    ]);
  });
});

describe('rows whose names differ in Unicode form only', () => {
  it('warns of configuration folders named alike in NFC and NFD (as macOS writes names)', async () => {
    const sea = '{"id": {"nlu": {"sentiment": {"normalized_accuracy": 50}}}}';
    const stamp = '2025-01-01T00:00:00';
    const root = makeTree({
      [`runs/exp/caf\u00e9/seahelm/x_seahelm_results_${stamp}.json`]: sea,
      [`runs/exp/cafe\u0301/seahelm/x_seahelm_results_${stamp}.json`]: sea,
    });
    roots.push(root);
    const result = await runOn(root, 'experiments:\n  exp: { path: runs/exp }\n');
    // Two rows that look alike: kept apart, as they are two folders here, and named in a warning.
    expect(result.runs[0]?.table.rows.map((r) => r.model)).toEqual([
      'cafe\u0301_00000',
      'caf\u00e9_00000',
    ]);
    expect(result.diagnostics.filter((d) => d.kind === 'same-model-name')).toEqual([
      {
        kind: 'same-model-name',
        message:
          "experiments.exp: 2 rows are named 'cafe\u0301_00000' (2 models of the run), written in 2 Unicode forms, one name to macOS; the reports and pages cannot tell them apart: rename the configuration folder",
      },
    ]);
  });
});

describe('files of one checkpoint that name different models', () => {
  const sea = '{"id": {"nlu": {"sentiment": {"normalized_accuracy": 50}}}}';
  const lm = (model: string) =>
    JSON.stringify({
      results: { leaderboard_musr_team_allocation: { 'acc_norm,none': 0.4 } },
      configs: {},
      versions: {},
      config: { model_args: `pretrained=${model},dtype=bfloat16`, limit: null },
    });

  it('warns once per harness, naming every model, on the first file naming a second one', async () => {
    const root = makeTree({
      'runs/exp/cfg/ba1/seahelm/gpt-4.1-nano_seahelm_results_2025-01-01T00:00:00.json': sea,
      'runs/exp/cfg/ba1/seahelm/gemini-2.5-pro_seahelm_results_2025-01-02T00:00:00.json': sea,
      'runs/exp/cfg/ba1/seahelm/gemini-2.5-pro_seahelm_results_2025-01-03T00:00:00.json': sea,
      'runs/exp/cfg/ba1/seahelm/qwen3-4b_seahelm_results_2025-01-04T00:00:00.json': sea,
      'runs/exp/cfg/ba1/lm-eval/a/results_2025-01-01T00-00-00.json': lm('/ckpt/cfg/ba1'),
      'runs/exp/cfg/ba1/lm-eval/b/results_2025-01-02T00-00-00.json': JSON.stringify({
        ...(JSON.parse(lm('x')) as object),
        model_name: 'Qwen/Qwen2.5-7B-Instruct',
      }),
      'runs/exp/cfg/ba2/seahelm/cfg-ba2_seahelm_results_2025-01-01T00:00:00.json': sea,
      'runs/exp/cfg/ba2/seahelm/cfg-ba2_seahelm_results_2025-01-02T00:00:00.json': sea,
    });
    roots.push(root);
    const result = await runOn(root, 'experiments:\n  exp: { path: runs/exp }\n');
    expect(result.diagnostics.filter((d) => d.kind === 'mixed-models')).toEqual([
      // In file order: lm-eval/ comes before seahelm/.
      {
        kind: 'mixed-models',
        file: 'runs/exp/cfg/ba1/lm-eval/b/results_2025-01-02T00-00-00.json',
        message:
          "the lm-eval files of one checkpoint name 2 models: '/ckpt/cfg/ba1' (runs/exp/cfg/ba1/lm-eval/a/results_2025-01-01T00-00-00.json) and 'Qwen/Qwen2.5-7B-Instruct' (runs/exp/cfg/ba1/lm-eval/b/results_2025-01-02T00-00-00.json); their entries are merged task by task as one model's, the later file winning each task: they lie in 'a' and 'b', folders below one configuration (the first folder below an experiment's path) and one step: if these are configurations, set the run's path to the folder that holds them; else give each model a checkpoint folder of its own",
      },
      {
        kind: 'mixed-models',
        file: 'runs/exp/cfg/ba1/seahelm/gpt-4.1-nano_seahelm_results_2025-01-01T00:00:00.json',
        message:
          "the SEA-HELM files of one checkpoint name 3 models: 'gemini-2.5-pro' (runs/exp/cfg/ba1/seahelm/gemini-2.5-pro_seahelm_results_2025-01-02T00:00:00.json), 'gpt-4.1-nano' (runs/exp/cfg/ba1/seahelm/gpt-4.1-nano_seahelm_results_2025-01-01T00:00:00.json) and 'qwen3-4b' (runs/exp/cfg/ba1/seahelm/qwen3-4b_seahelm_results_2025-01-04T00:00:00.json); their entries are merged task by task as one model's, the later file winning each task: give each model a folder of its own",
      },
    ]);
  });
});

describe('revisions of one model that lm-eval wrote into one folder', () => {
  // `lm_eval --model_args pretrained=EleutherAI/pythia-1b,revision=step1000 --output_path out`
  // writes out/EleutherAI__pythia-1b/results_<date>.json for every revision.
  const lm = (args: Record<string, unknown>, revision?: string) =>
    JSON.stringify({
      results: { leaderboard_musr_team_allocation: { 'acc_norm,none': 0.4 } },
      configs: {},
      versions: {},
      config: { model_args: args, limit: null, model_revision: revision },
    });
  const folder = 'hero/global_step_1000/lm-eval/EleutherAI__pythia-1b';

  it('names each revision, from model_args or config.model_revision, and says to split them', async () => {
    const root = makeTree({
      [`${folder}/results_2025-01-01T00-00-00.json`]: lm(
        { pretrained: 'EleutherAI/pythia-1b', revision: 'step1000' },
        'step1000',
      ),
      [`${folder}/results_2025-01-02T00-00-00.json`]: lm(
        { pretrained: 'EleutherAI/pythia-1b' },
        'step2000',
      ),
      // `main` is the default revision: the same model as no revision at all.
      [`${folder}/results_2025-01-03T00-00-00.json`]: lm(
        { pretrained: 'EleutherAI/pythia-1b', revision: 'main' },
        'main',
      ),
    });
    roots.push(root);
    const result = await runOn(root, 'hero_runs:\n  hero: { path: hero }\n');
    expect(
      result.diagnostics.filter((d) => d.kind === 'mixed-models').map((d) => d.message),
    ).toEqual([
      `the lm-eval files of one checkpoint name 3 models: 'EleutherAI/pythia-1b@step1000' (${folder}/results_2025-01-01T00-00-00.json), 'EleutherAI/pythia-1b@step2000' (${folder}/results_2025-01-02T00-00-00.json) and 'EleutherAI/pythia-1b' (${folder}/results_2025-01-03T00-00-00.json); their entries are merged task by task as one model's, the later file winning each task: they are revisions of one model, which lm-eval writes into one folder: give each revision an --output_path of its own, named so that a step pattern reads its step`,
    ]);
  });

  it('reads the revision from a model_args string too', async () => {
    const root = makeTree({
      [`${folder}/results_2025-01-01T00-00-00.json`]: JSON.stringify({
        ...(JSON.parse(lm({})) as object),
        config: { model_args: 'pretrained=EleutherAI/pythia-1b,revision=step1000', limit: null },
      }),
      [`${folder}/results_2025-01-02T00-00-00.json`]: JSON.stringify({
        ...(JSON.parse(lm({})) as object),
        config: { model_args: 'pretrained=EleutherAI/pythia-1b', limit: null },
      }),
    });
    roots.push(root);
    const result = await runOn(root, 'hero_runs:\n  hero: { path: hero }\n');
    expect(
      result.diagnostics.filter((d) => d.kind === 'mixed-models').map((d) => d.message),
    ).toEqual([
      `the lm-eval files of one checkpoint name 2 models: 'EleutherAI/pythia-1b@step1000' (${folder}/results_2025-01-01T00-00-00.json) and 'EleutherAI/pythia-1b' (${folder}/results_2025-01-02T00-00-00.json); their entries are merged task by task as one model's, the later file winning each task: they are revisions of one model, which lm-eval writes into one folder: give each revision an --output_path of its own, named so that a step pattern reads its step`,
    ]);
  });
});

describe('files of models in folders of their own that give one model name', () => {
  const sea = '{"id": {"nlu": {"sentiment": {"normalized_accuracy": 50}}}}';
  const mixedModels = async (files: Record<string, string>, yaml: string) => {
    const root = makeTree(files);
    roots.push(root);
    const result = await runOn(root, yaml);
    return result.diagnostics.filter((d) => d.kind === 'mixed-models').map((d) => d.message);
  };

  it('names checkpoint folders no default step pattern reads (step1000) and says to add one', async () => {
    const messages = await mixedModels(
      {
        'runs/exp/wd=0.1/step1000/seahelm/step1000/step1000_seahelm_results_2025-09-01T10:00:00.json':
          sea,
        'runs/exp/wd=0.1/step2000/seahelm/step2000/step2000_seahelm_results_2025-09-02T10:00:00.json':
          sea,
      },
      'experiments:\n  exp: { path: runs/exp }\n',
    );
    expect(messages).toEqual([
      "the SEA-HELM files of one checkpoint name 2 models: 'step1000' (runs/exp/wd=0.1/step1000/seahelm/step1000/step1000_seahelm_results_2025-09-01T10:00:00.json) and 'step2000' (runs/exp/wd=0.1/step2000/seahelm/step2000/step2000_seahelm_results_2025-09-02T10:00:00.json); their entries are merged task by task as one model's, the later file winning each task: they lie in 'step1000' and 'step2000', from which no step pattern reads a step (the files have step 0): if these are checkpoints, add a pattern that reads their step to step_patterns; else give each model a checkpoint folder of its own",
    ]);
  });

  it('names configuration folders deeper than the first below the path (a separate SEA-HELM tree)', async () => {
    const messages = await mixedModels(
      {
        'evals/seahelm/exp/lr_1e-4/checkpoint-1000/lr_1e-4-ckpt1000_seahelm_results_2025-09-01T10:00:00.json':
          sea,
        'evals/seahelm/exp/lr_3e-4/checkpoint-1000/lr_3e-4-ckpt1000_seahelm_results_2025-09-01T11:00:00.json':
          sea,
      },
      'experiments:\n  exp: { path: evals }\n',
    );
    expect(messages).toEqual([
      "the SEA-HELM files of one checkpoint name 2 models: 'lr_1e-4-ckpt1000' (evals/seahelm/exp/lr_1e-4/checkpoint-1000/lr_1e-4-ckpt1000_seahelm_results_2025-09-01T10:00:00.json) and 'lr_3e-4-ckpt1000' (evals/seahelm/exp/lr_3e-4/checkpoint-1000/lr_3e-4-ckpt1000_seahelm_results_2025-09-01T11:00:00.json); their entries are merged task by task as one model's, the later file winning each task: they lie in 'lr_1e-4' and 'lr_3e-4', folders below one configuration (the first folder below an experiment's path) and one step: if these are configurations, set the run's path to the folder that holds them; else give each model a checkpoint folder of its own",
    ]);
  });
});

describe('two models below one step of a hero run', () => {
  it('says to give each a checkpoint folder of its own (a hero run has no configurations)', async () => {
    const sea = '{"id": {"nlu": {"sentiment": {"normalized_accuracy": 50}}}}';
    const root = makeTree({
      'hero/global_step_1000/seahelm/a/a_seahelm_results_2025-09-01T10:00:00.json': sea,
      'hero/global_step_1000/seahelm/b/b_seahelm_results_2025-09-01T11:00:00.json': sea,
    });
    roots.push(root);
    const result = await runOn(root, 'hero_runs:\n  hero: { path: hero }\n');
    expect(
      result.diagnostics.filter((d) => d.kind === 'mixed-models').map((d) => d.message),
    ).toEqual([
      "the SEA-HELM files of one checkpoint name 2 models: 'a' (hero/global_step_1000/seahelm/a/a_seahelm_results_2025-09-01T10:00:00.json) and 'b' (hero/global_step_1000/seahelm/b/b_seahelm_results_2025-09-01T11:00:00.json); their entries are merged task by task as one model's, the later file winning each task: they lie in 'a' and 'b', folders below one step: give each model a checkpoint folder of its own",
    ]);
  });
});

describe("a baseline's path that holds several models", () => {
  it('says to choose its files with conditions, or to give it a path of its own', async () => {
    const sea = '{"id": {"nlu": {"sentiment": {"normalized_accuracy": 50}}}}';
    const root = makeTree({
      'runs/exp/cfg/ba1/seahelm/m/m_seahelm_results_2025-09-01T10:00:00.json': sea,
      'baselines/seahelm/Qwen3-4B/Qwen3-4B_seahelm_results_2025-08-01T10:00:00.json': sea,
      'baselines/seahelm/gemma-3-4b-it/gemma-3-4b-it_seahelm_results_2025-08-01T10:00:00.json': sea,
    });
    roots.push(root);
    const yaml =
      'experiments:\n  exp: { path: runs/exp }\n  baselines:\n    gemma: { path: baselines }\n';
    const result = await runOn(root, yaml);
    expect(
      result.diagnostics.filter((d) => d.kind === 'mixed-models').map((d) => d.message),
    ).toEqual([
      "the SEA-HELM files of one checkpoint name 2 models: 'Qwen3-4B' (baselines/seahelm/Qwen3-4B/Qwen3-4B_seahelm_results_2025-08-01T10:00:00.json) and 'gemma-3-4b-it' (baselines/seahelm/gemma-3-4b-it/gemma-3-4b-it_seahelm_results_2025-08-01T10:00:00.json); their entries are merged task by task as one model's, the later file winning each task: they lie in 'Qwen3-4B' and 'gemma-3-4b-it': a baseline's path holds one model's results; choose this baseline's files with bhasa_conditions and en_conditions, or give it a path of its own",
    ]);
  });
});

describe("an experiment's path set to one configuration's folder", () => {
  it('says its configurations are checkpoints, and where the path should point', async () => {
    const sea = '{"id": {"nlu": {"sentiment": {"normalized_accuracy": 50}}}}';
    const root = makeTree({
      'runs/exp/lr_1e-4/checkpoint-1000/seahelm/checkpoint-1000/checkpoint-1000_seahelm_results_2025-09-01T10:00:00.json':
        sea,
      'runs/exp/lr_1e-4/checkpoint-2000/seahelm/checkpoint-2000/checkpoint-2000_seahelm_results_2025-09-02T10:00:00.json':
        sea,
    });
    roots.push(root);
    const yaml =
      'experiments:\n  exp: { path: runs/exp/lr_1e-4 }\n  ok: { path: runs/exp }\nhero_runs:\n  hero: { path: runs/exp/lr_1e-4 }\n';
    const result = await runOn(root, yaml);
    expect(result.runs[0]?.table.rows.map((r) => r.model)).toEqual([
      'checkpoint-1000_1000',
      'checkpoint-2000_2000',
    ]);
    // Only the experiment whose path is the configuration's folder: not the one above it, nor
    // a hero run, whose models are named by the run.
    expect(result.diagnostics.filter((d) => d.kind === 'step-configurations')).toEqual([
      {
        kind: 'step-configurations',
        file: 'runs/exp/lr_1e-4/checkpoint-2000',
        message:
          "experiments.exp: its configuration folders 'checkpoint-1000' and 'checkpoint-2000' (the first folders below runs/exp/lr_1e-4) are checkpoints, whose names give the steps, so each checkpoint is a configuration of its own: if the path is one configuration's folder, set it to the folder that holds the configurations (or make this a hero run); keep each configuration's checkpoints below one folder",
      },
    ]);
  });
});

describe('an experiment over separate SEA-HELM and lm-eval trees', () => {
  it('says its configurations are the harness folders, and the real ones are merged', async () => {
    const sea = '{"id": {"nlu": {"sentiment": {"normalized_accuracy": 50}}}}';
    const root = makeTree({
      'evals/seahelm/exp/lr_1e-4/checkpoint-1000/checkpoint-1000_seahelm_results_2025-09-01T10:00:00.json':
        sea,
      'evals/seahelm/exp/lr_3e-4/checkpoint-1000/checkpoint-1000_seahelm_results_2025-09-01T11:00:00.json':
        sea,
    });
    roots.push(root);
    const result = await runOn(root, 'experiments:\n  exp: { path: evals }\n');
    // The SEA-HELM files name one model: only this warning tells of the merge.
    expect(result.runs[0]?.table.rows.map((r) => r.model)).toEqual(['seahelm_1000']);
    expect(result.diagnostics).toEqual([
      {
        kind: 'harness-configurations',
        file: 'evals/seahelm',
        message:
          "experiments.exp: its configuration folder 'seahelm' (the first below evals) is a harness folder: each harness's results are then one configuration, and the configurations below it are merged checkpoint by checkpoint, the later file winning each task; keep both harnesses' results of a checkpoint below one configuration folder, the first below the run's path",
      },
    ]);
  });
});

describe('checkpoint folders no step pattern reads', () => {
  it('says the files of step1000 and step2000 are merged as one model at step 0, once per run', async () => {
    const sea = '{"id": {"nlu": {"sentiment": {"normalized_accuracy": 50}}}}';
    const root = makeTree({
      'runs/exp/wd=0.1/step1000/seahelm/hf/hf_seahelm_results_2025-09-01T10:00:00.json': sea,
      'runs/exp/wd=0.1/step2000/seahelm/hf/hf_seahelm_results_2025-09-02T10:00:00.json': sea,
      'runs/exp/wd=0.2/step1000/seahelm/hf/hf_seahelm_results_2025-09-01T10:00:00.json': sea,
      'runs/exp/wd=0.2/step2000/seahelm/hf/hf_seahelm_results_2025-09-02T10:00:00.json': sea,
      'runs/ok/wd=0.1/step_1000/seahelm/hf/hf_seahelm_results_2025-09-01T10:00:00.json': sea,
      'runs/ok/wd=0.1/step_2000/seahelm/hf/hf_seahelm_results_2025-09-02T10:00:00.json': sea,
    });
    roots.push(root);
    const yaml = 'experiments:\n  exp: { path: runs/exp }\n  ok: { path: runs/ok }\n';
    const result = await runOn(root, yaml);
    expect(result.diagnostics.filter((d) => d.kind === 'unread-steps')).toEqual([
      {
        kind: 'unread-steps',
        file: 'runs/exp/wd=0.1/step2000',
        message:
          "experiments.exp: the files in runs/exp/wd=0.1/step1000 and runs/exp/wd=0.1/step2000 are merged as one model, wd=0.1 at step 0 (2 models have such folders): no step pattern reads a step from 'step1000' or 'step2000'; if these folders are checkpoints, add a pattern that reads their number to step_patterns (a list replaces the default one)",
      },
    ]);
    // The SEA-HELM files name one model ('hf'): no other warning tells of the merge.
    expect(result.diagnostics.filter((d) => d.kind === 'mixed-models')).toEqual([]);
    expect(result.runs[0]?.table.rows.map((r) => r.model)).toEqual([
      'wd=0.1_00000',
      'wd=0.2_00000',
    ]);
  });
});

describe('seahelm_task_metrics', () => {
  it('warns about an entry for a task no file has, with a likely spelling', async () => {
    const root = makeTree({
      'runs/exp/cfg/ba1/seahelm/m_seahelm_results_2025-01-01T00:00:00.json':
        '{"id": {"nlu": {"sentiment": {"normalized_accuracy": 50, "x": 40}}}}',
    });
    roots.push(root);
    const yaml =
      'experiments:\n  exp: { path: runs/exp }\nseahelm_task_metrics:\n  sentimnt: x\n  brand-new: y\n  sentiment: x\n  pragmatic-pair: z\n';
    const result = await runOn(root, yaml);
    expect(result.diagnostics.filter((d) => d.kind === 'unused-task-metric')).toEqual([
      {
        kind: 'unused-task-metric',
        file: 'leaderboard.config.yaml',
        keyPath: 'seahelm_task_metrics.sentimnt',
        message:
          "'sentimnt' is no task of the SEA-HELM files read; its metric is not used (did you mean 'sentiment'?)",
      },
      {
        kind: 'unused-task-metric',
        file: 'leaderboard.config.yaml',
        keyPath: 'seahelm_task_metrics.brand-new',
        message: "'brand-new' is no task of the SEA-HELM files read; its metric is not used",
      },
    ]);
    // The entry that names a task is used.
    expect(result.runs[0]?.table.rows[0]?.cells.get('id_sentiment')?.value).toBe(40);
  });
});
