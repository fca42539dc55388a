/**
 * SEA-HELM task entries (scoring.md sections 1 and 3; result-formats.md sections 1.2, 1.3, 3):
 * error entry = failed, no primary key = missing, not a finite number = invalid, a clipped 0 is
 * a score, pragmatic counts, unknown tasks, `-logprobs` twins, upstream numbers kept only for
 * comparison, `pragmatics` / `lindsea` objects skipped.
 */
import { describe, expect, it } from 'vitest';
import { parseResultFile } from '../../src/lib/parse/parse-file.ts';
import { readJson } from '../../src/lib/parse/read-json.ts';
import { readSeahelm } from '../../src/lib/parse/seahelm.ts';
import type { SeaEntry } from '../../src/lib/parse/types.ts';
import { lookupTask } from '../../src/lib/score/seahelm-tasks.ts';

const FILE = 'runs/exp/cfg/ba10/seahelm/m_seahelm_results_2025-01-01T00:00:00.json';

/** Parses JSON text the way a file is read, so bare NaN tokens behave as in real files. */
function read(
  text: string,
  extraMetrics: Record<string, string> = {},
  seaLanguages?: ReadonlySet<string>,
) {
  const json = readJson(new TextEncoder().encode(text));
  if (!json.ok) throw new Error(json.message);
  return readSeahelm(json.value as Record<string, unknown>, FILE, extraMetrics, seaLanguages);
}

function entry(entries: readonly SeaEntry[], task: string, lang = 'id'): SeaEntry {
  const found = entries.find((e) => e.task === task && e.lang === lang);
  if (found === undefined) throw new Error(`no entry ${lang}.${task}`);
  return found;
}

describe('readSeahelm: entry status', () => {
  it('reads a present primary metric (is_cached boolean, errors object)', () => {
    const { content, diagnostics } = read(
      JSON.stringify({
        id: {
          nlu: {
            sentiment: {
              accuracy: 80,
              normalized_accuracy: 61.5,
              null_count: 0,
              errors: {},
              inference_time_taken: [1.5],
              is_cached: false,
            },
          },
        },
      }),
    );
    expect(entry(content.entries, 'sentiment')).toMatchObject({
      lang: 'id',
      competency: 'nlu',
      task: 'sentiment',
      status: 'ok',
      value: 61.5,
    });
    expect(diagnostics).toEqual([]);
  });

  it('reads the 2026 layout (is_cached an array, no errors key)', () => {
    const { content } = read(
      '{"vi": {"nlr": {"causal": {"normalized_accuracy": 12.25, "inference_time_taken": [1, 2], "is_cached": [true, false]}}}}',
    );
    expect(entry(content.entries, 'causal', 'vi')).toMatchObject({ status: 'ok', value: 12.25 });
  });

  it('takes the primary metric from the task table, not the first key', () => {
    // qa's primary metric is normalized_f1 (result-formats.md 1.6), even if
    // normalized_accuracy-like keys come first.
    const { content } = read(
      '{"id": {"nlu": {"qa": {"exact_match": 30, "f1": 44, "normalized_f1": 44, "normalized_accuracy": 99}}}}',
    );
    expect(entry(content.entries, 'qa')).toMatchObject({ status: 'ok', value: 44 });
  });

  it('marks an error entry as failed, not as its 0', () => {
    const { content } = read(
      '{"id": {"instruction-following": {"if-eval": {"overall_lang_normalized_acc": 0, "error": "Failed to run evaluation for task"}}}}',
    );
    const e = entry(content.entries, 'if-eval');
    expect(e.status).toBe('failed');
    expect(e.value).toBeNull();
    expect(e.detail).toContain('Failed to run evaluation for task');
  });

  it('marks an error entry as failed even when its metric holds a real-looking number', () => {
    const { content } = read(
      '{"id": {"nlu": {"sentiment": {"normalized_accuracy": 55, "error": "boom"}}}}',
    );
    expect(entry(content.entries, 'sentiment')).toMatchObject({ status: 'failed', value: null });
  });

  it('marks an entry without its primary metric key as missing', () => {
    // The partial entry of result-formats.md 1.3: no primary metric at all.
    const { content } = read(
      '{"id": {"nlg": {"translation-en-xx": {"null_count": 2, "errors": {"RateLimitError": 80}, "inference_time_taken": [3.0], "is_cached": false}}}}',
    );
    const e = entry(content.entries, 'translation-en-xx');
    expect(e.status).toBe('missing');
    expect(e.value).toBeNull();
    expect(e.detail).toContain('normalized_metricx_wmt24_scores');
  });

  it('marks a string score as invalid', () => {
    const { content } = read('{"id": {"nlu": {"sentiment": {"normalized_accuracy": "61.5"}}}}');
    expect(entry(content.entries, 'sentiment')).toMatchObject({ status: 'invalid', value: null });
  });

  it('marks a null score as invalid', () => {
    const { content } = read('{"id": {"nlu": {"sentiment": {"normalized_accuracy": null}}}}');
    expect(entry(content.entries, 'sentiment')).toMatchObject({ status: 'invalid', value: null });
  });

  it('marks bare NaN, Infinity and -Infinity scores as invalid', () => {
    const { content } = read(
      '{"id": {"nlu": {"sentiment": {"normalized_accuracy": NaN}}, "nlr": {"causal": {"normalized_accuracy": Infinity}, "nli": {"normalized_accuracy": -Infinity}}}}',
    );
    for (const task of ['sentiment', 'causal', 'nli']) {
      expect(entry(content.entries, task)).toMatchObject({ status: 'invalid', value: null });
    }
    expect(entry(content.entries, 'sentiment').detail).toContain('NaN');
    expect(entry(content.entries, 'nli').detail).toContain('-Infinity');
  });

  it('marks a boolean, array or object score as invalid', () => {
    const { content } = read(
      '{"id": {"nlu": {"sentiment": {"normalized_accuracy": true}, "qa": {"normalized_f1": [1]}, "metaphor": {"normalized_accuracy": {}}}}}',
    );
    for (const task of ['sentiment', 'qa', 'metaphor']) {
      expect(entry(content.entries, task)).toMatchObject({ status: 'invalid', value: null });
    }
  });

  it('keeps a clipped 0 (integer or float) as a real score', () => {
    const { content } = read(
      '{"id": {"nlu": {"sentiment": {"accuracy": 30, "normalized_accuracy": 0}, "metaphor": {"normalized_accuracy": 0.0}}}}',
    );
    expect(entry(content.entries, 'sentiment')).toMatchObject({ status: 'ok', value: 0 });
    expect(entry(content.entries, 'metaphor')).toMatchObject({ status: 'ok', value: 0 });
  });

  it('reads a score outside 0-100 as invalid, saying so (never clamped, never used)', () => {
    for (const score of [-3, 150, -1e-6]) {
      const { content } = read(`{"id": {"nlu": {"sentiment": {"normalized_accuracy": ${score}}}}}`);
      expect(entry(content.entries, 'sentiment')).toMatchObject({
        status: 'invalid',
        value: null,
        detail: `'normalized_accuracy' is ${score}, outside 0-100`,
      });
    }
  });

  it('reads the ends of the scale, and rounding noise past them, as scores', () => {
    for (const score of [0, 100, 100.0000000000001]) {
      const { content } = read(`{"id": {"nlu": {"sentiment": {"normalized_accuracy": ${score}}}}}`);
      expect(entry(content.entries, 'sentiment')).toMatchObject({ status: 'ok', value: score });
    }
  });

  it('tolerates noise of 1e-9 past either end of the scale, and no more', () => {
    for (const score of [-1e-9, 100.000000001]) {
      const { content } = read(`{"id": {"nlu": {"sentiment": {"normalized_accuracy": ${score}}}}}`);
      expect(entry(content.entries, 'sentiment')).toMatchObject({ status: 'ok', value: score });
    }
    for (const score of [-2e-9, 100.000000002]) {
      const { content } = read(`{"id": {"nlu": {"sentiment": {"normalized_accuracy": ${score}}}}}`);
      expect(entry(content.entries, 'sentiment')).toMatchObject({
        status: 'invalid',
        detail: `'normalized_accuracy' is ${score}, outside 0-100`,
      });
    }
  });
});

describe('readSeahelm: pragmatic tasks', () => {
  it('reads [correct, total] counts, a float correct count included', () => {
    const { content } = read(
      JSON.stringify({
        id: {
          'linguistic-diagnostics': {
            'pragmatic-single': {
              subcategories: { scalar_implicatures: [54.0, 100], presuppositions: [30, 40] },
              null_count: 0,
            },
          },
        },
      }).replace('[54,', '[54.0,'),
    );
    const e = entry(content.entries, 'pragmatic-single');
    expect(e.status).toBe('ok');
    expect(e.counts).toEqual({ scalar_implicatures: [54, 100], presuppositions: [30, 40] });
  });

  it('reports a pragmatic task without counts as missing', () => {
    const { content } = read(
      '{"id": {"linguistic-diagnostics": {"pragmatic-pair": {"null_count": 3}}}}',
    );
    expect(entry(content.entries, 'pragmatic-pair').status).toBe('missing');
  });

  it('reports a failed pragmatic task as failed', () => {
    const { content } = read(
      '{"id": {"linguistic-diagnostics": {"pragmatic-pair": {"normalized_accuracy": 0, "error": "Failed to run evaluation for task"}}}}',
    );
    expect(entry(content.entries, 'pragmatic-pair').status).toBe('failed');
  });

  it('reports counts that are not [correct, total] counts as invalid, saying what is wrong', () => {
    const cases: [string, string][] = [
      ['["3", 10]', 'presuppositions is [the string "3", 10]: expected two counts'],
      ['[30, 0]', 'presuppositions is [30, 0]: the total is 0'],
      ['[12, 10]', 'presuppositions is [12, 10]: more correct than in total'],
      ['[1, 2, 3]', 'presuppositions is an array of 3, not a [correct, total] pair'],
      ['[1e308, 1e308]', 'presuppositions is [1e+308, 1e+308]: a count above 2^53 - 1'],
      ['[1, 9007199254740992]', 'presuppositions is [1, 9007199254740992]: a count above 2^53 - 1'],
    ];
    for (const [pair, detail] of cases) {
      const { content } = read(
        `{"id": {"linguistic-diagnostics": {"pragmatic-pair": {"subcategories": {"presuppositions": ${pair}}}}}}`,
      );
      expect(entry(content.entries, 'pragmatic-pair')).toMatchObject({
        status: 'invalid',
        detail: `invalid counts: ${detail}`,
      });
    }
  });

  it('reports a pragmatic logprob probability outside 0-100 as invalid', () => {
    const { content } = read(
      '{"id": {"linguistic-diagnostics": {"pragmatic-pair-logprobs": {"subcategories": {"p": {"average_cumulative_probabilities": 140}}}}}}',
    );
    expect(entry(content.entries, 'pragmatic-pair-logprobs')).toMatchObject({
      status: 'invalid',
      detail: 'p.average_cumulative_probabilities is 140, outside 0-100',
    });
  });

  it('reads per-phenomenon average_cumulative_probabilities of pragmatic logprob tasks', () => {
    const { content } = read(
      JSON.stringify({
        id: {
          'linguistic-diagnostics': {
            'pragmatic-single-logprobs': {
              subcategories: {
                scalar_implicatures: { average_cumulative_probabilities: 60 },
                presuppositions: { average_cumulative_probabilities: 70 },
              },
            },
          },
        },
      }),
    );
    const e = entry(content.entries, 'pragmatic-single-logprobs');
    expect(e.status).toBe('ok');
    expect(e.phenomena).toEqual({ scalar_implicatures: 60, presuppositions: 70 });
  });
});

describe('readSeahelm: names from the file that JavaScript treats specially', () => {
  it("keeps a pragmatic phenomenon named '__proto__' as a phenomenon", () => {
    const text = JSON.stringify({
      id: {
        'linguistic-diagnostics': {
          'pragmatic-single': { subcategories: { y: [30, 40] } },
          'pragmatic-single-logprobs': {
            subcategories: { y: { average_cumulative_probabilities: 70 } },
          },
        },
      },
    }).replace(/"y"/g, '"__proto__"');
    const { content } = read(text);
    expect(Object.entries(entry(content.entries, 'pragmatic-single').counts ?? {})).toEqual([
      ['__proto__', [30, 40]],
    ]);
    expect(
      Object.entries(entry(content.entries, 'pragmatic-single-logprobs').phenomena ?? {}),
    ).toEqual([['__proto__', 70]]);
  });
});

describe('readSeahelm: task table, unknown tasks and -logprobs twins', () => {
  it('uses average_cumulative_probabilities for a -logprobs twin', () => {
    const { content, diagnostics } = read(
      JSON.stringify({
        id: {
          nlu: {
            'sentiment-logprobs': {
              average_cumulative_logprobs: -1.2,
              average_cumulative_probabilities: 41.25,
              normalized_accuracy: 99,
            },
          },
          nlg: {
            'translation-en-xx-logprobs': {
              average_cumulative_probabilities: 12.5,
              normalized_metricx_wmt24_scores: 99,
            },
          },
        },
      }),
    );
    expect(entry(content.entries, 'sentiment-logprobs')).toMatchObject({
      status: 'ok',
      value: 41.25,
    });
    expect(entry(content.entries, 'translation-en-xx-logprobs')).toMatchObject({
      status: 'ok',
      value: 12.5,
    });
    // Known twins need no fallback warning.
    expect(diagnostics).toEqual([]);
  });

  it('reports a -logprobs twin without average_cumulative_probabilities as missing', () => {
    const { content } = read(
      '{"id": {"nlu": {"sentiment-logprobs": {"average_cumulative_logprobs": -1.2, "normalized_accuracy": 50}}}}',
    );
    expect(entry(content.entries, 'sentiment-logprobs').status).toBe('missing');
  });

  it('recognises task families by prefix (safeguard_*, global_mmlu_*, thai_exam_*)', () => {
    const { content, diagnostics } = read(
      JSON.stringify({
        th: {
          safety: { safeguard_general_prompt: { normalized_accuracy: 10, accuracy_score: 99 } },
          knowledge: {
            thai_exam_onet: { normalized_accuracy: 20 },
            global_mmlu_anatomy: { normalized_accuracy: 30 },
          },
        },
      }),
    );
    expect(entry(content.entries, 'safeguard_general_prompt', 'th').value).toBe(10);
    expect(entry(content.entries, 'thai_exam_onet', 'th').value).toBe(20);
    expect(entry(content.entries, 'global_mmlu_anatomy', 'th').value).toBe(30);
    expect(diagnostics).toEqual([]);
  });

  it('uses the first fallback metric in list order for an unknown task, with a warning', () => {
    // The list order puts normalized_accuracy before normalized_f1, whatever the key order.
    const { content, diagnostics } = read(
      '{"id": {"nlu": {"brand_new_task": {"normalized_f1": 40, "normalized_accuracy": 30, "accuracy_score": 77}}}}',
    );
    expect(entry(content.entries, 'brand_new_task')).toMatchObject({ status: 'ok', value: 30 });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      kind: 'fallback-metric',
      file: FILE,
      keyPath: 'id.nlu.brand_new_task',
    });
    expect(diagnostics[0]?.message).toContain('normalized_accuracy');
  });

  it('goes down the fallback list: normalized_chrf_score before weighted_win_rate', () => {
    const { content } = read(
      '{"id": {"nlg": {"new_gen": {"weighted_win_rate": 70, "normalized_chrf_score": 35}}}}',
    );
    expect(entry(content.entries, 'new_gen')).toMatchObject({ status: 'ok', value: 35 });
  });

  it('reaches the last fallback, average_cumulative_probabilities', () => {
    const { content } = read(
      '{"id": {"nlu": {"new_lp": {"average_cumulative_logprobs": -2, "average_cumulative_probabilities": 22}}}}',
    );
    expect(entry(content.entries, 'new_lp')).toMatchObject({ status: 'ok', value: 22 });
  });

  it('reports an unknown task with none of the fallback metrics as missing', () => {
    const { content } = read('{"id": {"nlu": {"mystery": {"f1": 40, "exact_match": 30}}}}');
    const e = entry(content.entries, 'mystery');
    expect(e.status).toBe('missing');
    expect(e.value).toBeNull();
  });

  it('reports an unknown task whose fallback metric is not a number as invalid', () => {
    const { content } = read('{"id": {"nlu": {"mystery": {"normalized_accuracy": "n/a"}}}}');
    expect(entry(content.entries, 'mystery').status).toBe('invalid');
  });

  it('lets the config extend the table', () => {
    const { content, diagnostics } = read(
      '{"id": {"nlu": {"brand_new_task": {"normalized_accuracy": 30, "my_metric": 12}}}}',
      { brand_new_task: 'my_metric' },
    );
    expect(entry(content.entries, 'brand_new_task')).toMatchObject({ status: 'ok', value: 12 });
    expect(diagnostics).toEqual([]);
  });
});

describe('lookupTask: every task of result-formats.md section 1.6', () => {
  const NA = 'normalized_accuracy';
  const MATH = 'normalized_math_verify_score';
  // [task, primary metric, aggregation group], restated from both tables of section 1.6.
  const TABLE: readonly (readonly [string, string, string | null])[] = [
    ['belebele-qa-mc', NA, null],
    ['sentiment', NA, null],
    ['qa', 'normalized_f1', null],
    ['metaphor', NA, null],
    ['paraphrase', NA, null],
    ['qa-mc', NA, null],
    ['idiom_understanding', NA, null],
    ['mixed-genre-qa-mc', NA, null],
    ['dialogue-qa-mc', NA, null],
    ['novel-qa', 'normalized_f1', null],
    ['abssum', 'normalized_rougel_f1', null],
    ['translation-en-xx', 'normalized_metricx_wmt24_scores', 'translations'],
    ['translation-xx-en', 'normalized_metricx_wmt24_scores', 'translations'],
    ['translation-id-xx', 'normalized_metricx_wmt24_scores', 'translations'],
    ['translation-xx-id', 'normalized_metricx_wmt24_scores', 'translations'],
    ['causal', NA, null],
    ['nli', NA, null],
    ['if-eval', 'overall_lang_normalized_acc', null],
    ['mt-bench', 'weighted_win_rate', null],
    ['mt-bench-increased-tokens', 'weighted_win_rate', null],
    ['mt-bench-judge', 'average_criteria_score', null],
    ['kalahi-mc', NA, null],
    ['kalahi-judge', 'average_criteria_score', null],
    ['toxicity', NA, null],
    ['safeguard_general_prompt', NA, 'safeguard'],
    ['safeguard_general_response', NA, 'safeguard'],
    ['safeguard_cultural_content_generation_prompt', NA, 'safeguard'],
    ['safeguard_cultural_content_generation_response', NA, 'safeguard'],
    ['safeguard_cultural_in_the_wild', NA, 'safeguard'],
    ['global_mmlu_anatomy', NA, 'global_mmlu'],
    ['global_mmlu_lite', NA, null],
    ['thai_exam_a_level', NA, 'thai_exam'],
    ['thai_exam_ic', NA, 'thai_exam'],
    ['mp-r', NA, null],
    ['pragmatic-single', NA, 'pragmatics'],
    ['pragmatic-pair', NA, 'pragmatics'],
    ['syntax-criteria', 'average_criteria_score', null],
    // Other competencies.
    ['bbh_boolean_expressions', NA, 'bbh'],
    ['bbh_web_of_lies', NA, 'bbh'],
    ['bbh_dyck_languages', 'normalized_exact_match', 'bbh'],
    ['bbh_multistep_arithmetic_two', 'normalized_exact_match', 'bbh'],
    ['bbh_object_counting', 'normalized_exact_match', 'bbh'],
    ['bbh_word_sorting', 'normalized_exact_match', 'bbh'],
    ['gpqa_main', NA, null],
    ['gpqa_diamond', NA, null],
    ['mmlu_pro_biology', NA, 'mmlu_pro'],
    ['mmlu_redux_anatomy', NA, 'mmlu_redux'],
    ['supergpqa-physics', NA, 'supergpqa'],
    ['math_hard_algebra', MATH, 'math_hard'],
    ['math_hard_counting_and_probability', MATH, 'math_hard'],
    ['aime_2025', MATH, 'MathArena'],
    ['hmmt_feb_2025', MATH, 'MathArena'],
    ['smt_2025', MATH, 'MathArena'],
    ['cmimc_2025', MATH, 'MathArena'],
    ['brumo_2025', MATH, 'MathArena'],
    ['arxivmath-1225', MATH, 'MathArena'],
    ['musr_murder_mysteries', NA, 'musr'],
    ['ifeval', 'normalized_prompt_level_strict_acc', null],
    ['aa-lcr', 'accuracy_score', null],
    ['countdown_0p5k', NA, 'longproc'],
    ['html_to_tsv_2k', 'normalized_f1', 'longproc'],
    ['path_traversal_8k', NA, 'longproc'],
    ['tom_tracking_2k', NA, 'longproc'],
    ['travel_planning_8k', NA, 'longproc'],
    ['cwe_8k', 'normalized_strict_accuracy', 'oneruler'],
    ['cwe_easy_128k', 'normalized_strict_accuracy', 'oneruler'],
    ['niah_single_32k', 'normalized_strict_accuracy', 'oneruler'],
    ['livecodebench_v1', 'pass@1', null],
    ['livecodebench_v6', 'pass@1', null],
    ['healthbench', 'average_criteria_score', null],
    ['healthbench_consensus', 'average_criteria_score', null],
    ['healthbench_hard', 'average_criteria_score', null],
    ['mmmu_pro_10_options', NA, null],
    ['cvqa', NA, null],
    ['erqa', NA, null],
    ['marvl', NA, null],
    ['mmstar', NA, null],
    ['world_cuisine_task1', NA, 'world_cuisine'],
    ['world_cuisine_task2', NA, 'world_cuisine'],
    ['hallusionbench_image', NA, null],
    ['mathvista_mini_multi_choice', NA, 'mathvista'],
    ['mathvista_mini_free_form', MATH, 'mathvista'],
    ['babyvision', 'accuracy_score', null],
    ['mathvision', 'accuracy_score', null],
    ['mathvision_mini', 'accuracy_score', null],
    ['xm3600', 'normalized_refclipscore', null],
    ['hallusionbench', NA, null],
  ];

  it('knows each task with its primary metric and group', () => {
    for (const [task, metric, group] of TABLE) {
      expect(lookupTask(task, {}), task).toEqual({ metric, group });
    }
  });

  it('knows the -logprobs twin of each: average_cumulative_probabilities, <group>-logprobs', () => {
    for (const [task, , group] of TABLE) {
      expect(lookupTask(`${task}-logprobs`, {}), task).toEqual({
        metric: 'average_cumulative_probabilities',
        group: group === null ? null : `${group}-logprobs`,
      });
    }
  });

  it('keeps the group of a twin whose metric the config sets', () => {
    const extra = { 'translation-en-xx-logprobs': 'my_metric', safeguard_x: 'other' };
    expect(lookupTask('translation-en-xx-logprobs', extra)).toEqual({
      metric: 'my_metric',
      group: 'translations-logprobs',
    });
    expect(lookupTask('safeguard_x-logprobs', extra)).toEqual({
      metric: 'average_cumulative_probabilities',
      group: 'safeguard-logprobs',
    });
  });

  it('does not take names of Object.prototype for tasks', () => {
    expect(lookupTask('constructor', {})).toBeNull();
    expect(lookupTask('toString-logprobs', {})).toBeNull();
    expect(lookupTask('hasOwnProperty', { constructor: 'x' } as Record<string, string>)).toBeNull();
  });

  it('reads MathVista and the other vision tasks in a SEA language without a fallback', () => {
    const { content, diagnostics } = read(
      JSON.stringify({
        id: {
          vision: {
            mathvista_mini_multi_choice: {
              normalized_accuracy: 10,
              normalized_math_verify_score: 90,
            },
            mathvista_mini_free_form: { normalized_accuracy: 90, normalized_math_verify_score: 30 },
            cvqa: { normalized_accuracy: 50 },
          },
        },
      }),
    );
    expect(entry(content.entries, 'mathvista_mini_multi_choice').value).toBe(10);
    expect(entry(content.entries, 'mathvista_mini_free_form').value).toBe(30);
    expect(diagnostics).toEqual([]);
  });
});

describe('readSeahelm: languages that are not scored', () => {
  const FILE_TEXT = JSON.stringify({
    id: { nlu: { id_new_task: { normalized_accuracy: 10 } } },
    vi: { nlu: { vi_new_task: { normalized_accuracy: 20 }, sentiment: 'oops' } },
    en: {
      english_reasoning: { en_new_task: { normalized_accuracy: 30 }, odd: 'oops', total: NaN },
      english_math: 'oops',
    },
    zh: { nlu: { zh_new_task: { normalized_accuracy: 40 } } },
  }).replace('null', 'NaN'); // JSON.stringify writes NaN as null

  it('gives no warning inside en and the Chinese codes (the default rule), and still reads them', () => {
    const { content, diagnostics } = read(FILE_TEXT);
    expect(content.entries.map((e) => `${e.lang}.${e.task}`)).toEqual([
      'id.id_new_task',
      'vi.vi_new_task',
      'vi.sentiment',
      'en.en_new_task',
      'en.odd',
      'zh.zh_new_task',
    ]);
    expect(diagnostics.map((d) => `${d.kind} ${d.keyPath}`)).toEqual([
      'fallback-metric id.nlu.id_new_task',
      'fallback-metric vi.nlu.vi_new_task',
      'unexpected-key vi.nlu.sentiment',
    ]);
  });

  it('counts bare NaN tokens for the file-level warning outside languages not scored only', () => {
    const tokens = (text: string) => {
      const parsed = parseResultFile(new TextEncoder().encode(text), {
        file: FILE,
        candidates: ['seahelm'],
        extraMetrics: {},
      });
      return parsed.diagnostics
        .filter((d) => d.kind === 'non-finite-token')
        .map((d) => [d.keyPath, d.message]);
    };
    const en = '"en": {"nlu": {"x": {"normalized_accuracy": NaN}}}';
    expect(tokens(`{"id": {"nlu": {"qa": {"normalized_f1": 50}}}, ${en}}`)).toEqual([]);
    expect(tokens(`{"id": {"nlu": {"qa": {"normalized_f1": NaN}}}, ${en}}`)).toEqual([
      [
        'id.nlu.qa.normalized_f1',
        "the file has 1 bare NaN/Infinity token(s) (at id.nlu.qa.normalized_f1), which JSON does not allow (Python's json writes them); a score written so is invalid",
      ],
    ]);
  });

  it('gives a bare NaN total one warning, its own, not the file-level one as well', () => {
    const tokens = (text: string) =>
      parseResultFile(new TextEncoder().encode(text), {
        file: FILE,
        candidates: ['seahelm'],
        extraMetrics: {},
      })
        .diagnostics.filter((d) => d.kind === 'non-finite-token')
        .map((d) => d.keyPath);
    const score = '"sentiment": {"normalized_accuracy": 40}';
    expect(tokens(`{"vi": {"nlu": {${score}, "total": NaN}}}`)).toEqual(['vi.nlu.total']);
    // A score written so still gets the file-level warning, beside the total's own.
    expect(
      tokens(`{"vi": {"nlu": {"qa": {"normalized_f1": NaN}, ${score}, "total": NaN}}}`),
    ).toEqual(['vi.nlu.qa.normalized_f1', 'vi.nlu.total']);
  });

  it('names the key paths of bare NaN / Infinity tokens in the order of the file, at most five', () => {
    const text = JSON.stringify({
      id: { nlu: { a: { x: 'N' }, b: { x: 'I' }, c: { list: [1, 'M'] } } },
      vi: { nlu: { d: { x: 'N' }, e: { x: 'N' }, f: { x: 'N' } } },
    })
      .replace(/"N"/g, 'NaN')
      .replace(/"I"/g, 'Infinity')
      .replace(/"M"/g, '-Infinity');
    const parsed = parseResultFile(new TextEncoder().encode(text), {
      file: FILE,
      candidates: ['seahelm'],
      extraMetrics: {},
    });
    const warning = parsed.diagnostics.find((d) => d.kind === 'non-finite-token');
    expect(warning?.keyPath).toBe('id.nlu.a.x');
    expect(warning?.message).toBe(
      "the file has 6 bare NaN/Infinity token(s) (at id.nlu.a.x, id.nlu.b.x, id.nlu.c.list[1], vi.nlu.d.x, vi.nlu.e.x and 1 more), which JSON does not allow (Python's json writes them); a score written so is invalid",
    );
  });

  it('gives no warning inside a language that the configured sea_languages leave out', () => {
    const { content, diagnostics } = read(FILE_TEXT, {}, new Set(['id', 'en']));
    expect(content.entries).toHaveLength(6);
    expect(diagnostics.map((d) => `${d.kind} ${d.keyPath}`)).toEqual([
      'fallback-metric id.nlu.id_new_task',
      'fallback-metric en.english_reasoning.en_new_task',
      'unexpected-key en.english_reasoning.odd',
      'non-finite-token en.english_reasoning.total',
      'unexpected-key en.english_math',
    ]);
  });
});

describe('readSeahelm: one task name under two competencies of a language', () => {
  it('warns, naming both key paths and the one merging uses', () => {
    const { content, diagnostics } = read(
      JSON.stringify({
        id: {
          nlu: { sentiment: { normalized_accuracy: 10 }, qa: { normalized_f1: 50 } },
          cultural: { sentiment: { normalized_accuracy: 30 } },
          safety: { sentiment: 'oops' },
        },
        vi: { nlu: { sentiment: { normalized_accuracy: 10 } } },
      }),
    );
    expect(content.entries.filter((e) => e.task === 'sentiment')).toHaveLength(4);
    expect(diagnostics.filter((d) => d.kind === 'duplicate-task')).toEqual([
      {
        kind: 'duplicate-task',
        file: FILE,
        keyPath: 'id.cultural.sentiment',
        message:
          "the task 'sentiment' is under two competencies of 'id': id.nlu.sentiment and id.cultural.sentiment; id.cultural.sentiment is used (the later one in the file)",
      },
      {
        kind: 'duplicate-task',
        file: FILE,
        keyPath: 'id.safety.sentiment',
        message:
          // 'oops' is no usable score: the earlier entry stays the task.
          "the task 'sentiment' is under two competencies of 'id': id.cultural.sentiment and id.safety.sentiment; id.cultural.sentiment is used (the later one has no usable score)",
      },
    ]);
  });

  it('does not count totals, group values or the computed pragmatics objects as tasks', () => {
    const { diagnostics } = read(
      JSON.stringify({
        id: {
          nlg: {
            'translation-en-xx': { normalized_metricx_wmt24_scores: 80 },
            translations: 80,
            total: 80,
          },
          'linguistic-diagnostics': {
            'mp-r': { normalized_accuracy: 40 },
            pragmatics: { normalized_accuracy: 50 },
            translations: 80,
            total: 45,
          },
          // A task of its own here (only under linguistic-diagnostics is it computed).
          cultural: { pragmatics: { normalized_accuracy: 50 } },
        },
      }),
    );
    expect(diagnostics.filter((d) => d.kind === 'duplicate-task')).toEqual([]);
  });

  it('gives no such warning inside a language that is not scored', () => {
    const { diagnostics } = read(
      '{"en": {"nlu": {"x": {"normalized_accuracy": 1}}, "nlr": {"x": {"normalized_accuracy": 2}}}}',
      { x: 'normalized_accuracy' },
    );
    expect(diagnostics).toEqual([]);
  });
});

describe('readSeahelm: numbers, computed objects and stray keys', () => {
  const AGGREGATED = JSON.stringify({
    id: {
      nlu: { sentiment: { normalized_accuracy: 60 }, total: 60 },
      nlg: {
        'translation-en-xx': { normalized_metricx_wmt24_scores: 80 },
        'translation-xx-en': { normalized_metricx_wmt24_scores: 60 },
        translations: 70,
        total: 70,
      },
      'linguistic-diagnostics': {
        'mp-r': { normalized_accuracy: 40 },
        'pragmatic-single': { subcategories: { presuppositions: [30, 40] } },
        pragmatics: {
          subcategories: {
            presuppositions: { accuracy: 0.75, correct_count: 30, total_count: 40 },
          },
          accuracy: 75,
          normalized_accuracy: 50,
        },
        'pragmatics-logprobs': { average_cumulative_probabilities: 12 },
        lindsea: { normalized_score: 45, subcategories: {} },
        total: 45,
      },
      total: 58.3,
    },
    total: 58.3,
  });

  it('keeps numeric totals and group values as upstream values, never as entries', () => {
    const { content } = read(AGGREGATED);
    const tasks = content.entries.map((e) => `${e.lang}.${e.competency}.${e.task}`);
    expect(tasks).not.toContain('id.nlg.translations');
    expect(tasks.some((t) => t.endsWith('.total'))).toBe(false);
    const upstream = content.upstream.map((u) => [u.path.join('.'), u.value]);
    expect(upstream).toEqual(
      expect.arrayContaining([
        ['id.nlu', 60],
        ['id.nlg.translations', 70],
        ['id.nlg', 70],
        ['id.linguistic-diagnostics', 45],
        ['id', 58.3],
      ]),
    );
  });

  it('reports an empty language or competency object, in scored languages only', () => {
    const { content, diagnostics } = read(
      JSON.stringify({
        id: { nlu: {}, nlg: { translations: 40 }, nlr: { causal: { normalized_accuracy: 30 } } },
        vi: {},
        zh: { nlu: {} },
      }),
    );
    expect(content.entries.map((e) => `${e.lang}.${e.task}`)).toEqual(['id.causal']);
    expect(diagnostics).toEqual([
      {
        kind: 'unexpected-key',
        file: FILE,
        keyPath: 'id.nlu',
        message: 'an empty competency object (no task in it); nothing to score',
      },
      {
        kind: 'unexpected-key',
        file: FILE,
        keyPath: 'vi',
        message: 'an empty language object (no competency in it); nothing to score',
      },
    ]);
  });

  it("reports a top-level total that is not a number, though SEA-HELM's own total is never used", () => {
    const text = (total: string) =>
      `{"id": {"nlu": {"qa": {"normalized_f1": 30}}}, "total": ${total}, "evaluated_as_base": "x"}`;
    expect(read(text('55.5')).diagnostics).toEqual([]);
    expect(read(text('"55"')).diagnostics).toEqual([
      {
        kind: 'unexpected-key',
        file: FILE,
        keyPath: 'total',
        message: `expected a number, found the string "55"; not used (SEA-HELM's own total never is)`,
      },
    ]);
  });

  it('takes a known task written as a bare number for an invalid entry, reported, not for a group value', () => {
    const { content, diagnostics } = read(
      JSON.stringify({ id: { nlu: { sentiment: 53.5, qa: { normalized_f1: 30 } } } }),
    );
    expect(entry(content.entries, 'sentiment')).toMatchObject({
      status: 'invalid',
      value: null,
      detail: 'expected a task entry object, found 53.5',
      where: `${FILE}: id.nlu.sentiment`,
    });
    expect(content.upstream).toEqual([]);
    expect(diagnostics.map((d) => [d.kind, d.keyPath])).toEqual([
      ['unexpected-key', 'id.nlu.sentiment'],
    ]);
  });

  it('takes a known task written as a bare NaN or Infinity for an invalid entry too, with the token warning', () => {
    const text = '{"id": {"nlu": {"sentiment": NaN, "qa": {"normalized_f1": 30}}}}';
    const { content, diagnostics } = read(text);
    expect(entry(content.entries, 'sentiment')).toMatchObject({
      status: 'invalid',
      value: null,
      detail: 'expected a task entry object, found NaN',
      where: `${FILE}: id.nlu.sentiment`,
    });
    expect(content.upstream).toEqual([]);
    expect(diagnostics.map((d) => [d.kind, d.keyPath])).toEqual([
      ['unexpected-key', 'id.nlu.sentiment'],
    ]);
    // Not a total or group value: the file-level warning names the token, which is invalid.
    const parsed = parseResultFile(new TextEncoder().encode(text), {
      file: FILE,
      candidates: ['seahelm'],
      extraMetrics: {},
    });
    const tokens = parsed.diagnostics.filter((d) => d.kind === 'non-finite-token');
    expect(tokens.map((d) => [d.keyPath, d.message])).toEqual([
      [
        'id.nlu.sentiment',
        "the file has 1 bare NaN/Infinity token(s) (at id.nlu.sentiment), which JSON does not allow (Python's json writes them); a score written so is invalid",
      ],
    ]);
  });

  it('never takes a bare NaN or Infinity total or group value for a task, and says it is not compared', () => {
    const { content, diagnostics } = read(
      '{"id": {"nlu": {"sentiment": {"normalized_accuracy": 40}, "total": NaN}, "nlg": {"abssum": {"normalized_rougel_f1": 20}, "translations": Infinity, "total": 20}, "total": -Infinity}}',
    );
    expect(content.entries.map((e) => e.task)).toEqual(['sentiment', 'abssum']);
    expect(content.upstream).toEqual([{ path: ['id', 'nlg'], value: 20 }]);
    expect(diagnostics).toEqual(
      ['id.nlu.total NaN', 'id.nlg.translations Infinity', 'id.total -Infinity'].map((s) => {
        const [keyPath, token] = s.split(' ');
        return {
          kind: 'non-finite-token',
          file: FILE,
          keyPath,
          message: `the file's own total or group value is ${token}; it is not compared with the recomputed value`,
        };
      }),
    );
  });

  it('never takes a competency total that is not a number for a task', () => {
    const { content, diagnostics } = read(
      '{"id": {"nlu": {"sentiment": {"normalized_accuracy": 40}, "total": "40"}}}',
    );
    expect(content.entries.map((e) => e.task)).toEqual(['sentiment']);
    expect(diagnostics).toEqual([
      {
        kind: 'unexpected-key',
        file: FILE,
        keyPath: 'id.nlu.total',
        message: `expected the competency's total (a number), found the string "40"; not compared`,
      },
    ]);
  });

  it("never takes an object total for a task or a competency (the original app's { overall_score })", () => {
    // original-app.md section 4.3: a total written as an object holding its score.
    const { content, diagnostics } = read(
      JSON.stringify({
        id: {
          nlu: { sentiment: { normalized_accuracy: 40 }, total: { total_score: 40 } },
          total: { overall_score: 40, details: { sentiment: { normalized_accuracy: 1 } } },
        },
      }),
    );
    expect(content.entries.map((e) => `${e.competency}.${e.task}`)).toEqual(['nlu.sentiment']);
    expect(content.upstream).toEqual([]);
    expect(diagnostics).toEqual([
      {
        kind: 'unexpected-key',
        file: FILE,
        keyPath: 'id.nlu.total',
        message: "expected the competency's total (a number), found an object; not compared",
      },
      {
        kind: 'unexpected-key',
        file: FILE,
        keyPath: 'id.total',
        message: "expected the language's total (a number), found an object; not compared",
      },
    ]);
  });

  it('skips the pragmatics and lindsea objects under linguistic-diagnostics', () => {
    const { content, diagnostics } = read(AGGREGATED);
    const ld = content.entries
      .filter((e) => e.competency === 'linguistic-diagnostics')
      .map((e) => e.task)
      .sort();
    expect(ld).toEqual(['mp-r', 'pragmatic-single']);
    expect(diagnostics).toEqual([]);
  });

  it('does not take a computed pragmatics or lindsea value that is not an object or a number for a task', () => {
    const { content, diagnostics } = read(
      JSON.stringify({
        id: {
          'linguistic-diagnostics': {
            'mp-r': { normalized_accuracy: 40 },
            'pragmatic-single': { subcategories: { presuppositions: [6, 10] } },
            pragmatics: 'n/a',
            'pragmatics-logprobs': null,
            lindsea: [],
            'lindsea-logprobs': false,
          },
        },
      }),
    );
    const ld = content.entries.map((e) => e.task).sort();
    expect(ld).toEqual(['mp-r', 'pragmatic-single']);
    const at = (key: string) => `id.linguistic-diagnostics.${key}`;
    expect(diagnostics.map((d) => [d.kind, d.keyPath, d.message])).toEqual([
      [
        'unexpected-key',
        at('pragmatics'),
        'expected the value SEA-HELM computes (an object or a number), found the string "n/a"; not a task, ignored',
      ],
      [
        'unexpected-key',
        at('pragmatics-logprobs'),
        'expected the value SEA-HELM computes (an object or a number), found null; not a task, ignored',
      ],
      [
        'unexpected-key',
        at('lindsea'),
        'expected the value SEA-HELM computes (an object or a number), found an array of 0; not a task, ignored',
      ],
      [
        'unexpected-key',
        at('lindsea-logprobs'),
        'expected the value SEA-HELM computes (an object or a number), found the boolean false; not a task, ignored',
      ],
    ]);
  });

  it('does not take a group value that is not a number for a task', () => {
    const { content, diagnostics } = read(
      JSON.stringify({
        id: {
          nlg: {
            'translation-en-xx': { normalized_metricx_wmt24_scores: 40 },
            translations: '40',
            'translation-xx-en': { normalized_metricx_wmt24_scores: 60 },
          },
          safety: { safeguard_x: { normalized_accuracy: 30 }, 'safeguard-logprobs': null },
          nlu: { 'not-a-group': 'x' },
        },
      }),
    );
    expect(content.entries.map((e) => [e.task, e.status])).toEqual([
      ['translation-en-xx', 'ok'],
      ['translation-xx-en', 'ok'],
      ['safeguard_x', 'ok'],
      // A name neither the table's task nor its group: an unusable task entry, as before.
      ['not-a-group', 'invalid'],
    ]);
    expect(diagnostics.map((d) => [d.keyPath, d.message])).toEqual([
      [
        'id.nlg.translations',
        `expected the group's value (a number), found the string "40"; not a task, not compared`,
      ],
      [
        'id.safety.safeguard-logprobs',
        "expected the group's value (a number), found null; not a task, not compared",
      ],
      ['id.nlu.not-a-group', 'expected an object, found the string "x"; ignored'],
    ]);
  });

  it('reads the tasks of an aggregated file like any other', () => {
    const { content } = read(AGGREGATED);
    expect(content.entries.map((e) => [e.task, e.value, e.status])).toEqual(
      expect.arrayContaining([
        ['sentiment', 60, 'ok'],
        ['translation-en-xx', 80, 'ok'],
        ['translation-xx-en', 60, 'ok'],
        ['mp-r', 40, 'ok'],
      ]),
    );
  });

  it('reports a task entry that is a string, naming the file and key path', () => {
    const { content, diagnostics } = read(
      '{"id": {"nlu": {"sentiment": "oops", "qa": {"normalized_f1": 10}}}}',
    );
    expect(entry(content.entries, 'qa').value).toBe(10);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ file: FILE, keyPath: 'id.nlu.sentiment' }),
    );
  });

  it('reports an object whose key is not a language code, ignores it, and reads the languages', () => {
    const { content, diagnostics } = read(
      '{"id": {"nlu": {"sentiment": {"normalized_accuracy": 50}}}, "metadata": {"nlu": {"x": {"accuracy": 1}}}}',
    );
    expect(content.entries.map((e) => `${e.lang}.${e.task}`)).toEqual(['id.sentiment']);
    expect(diagnostics).toEqual([
      {
        kind: 'unexpected-key',
        file: expect.any(String),
        keyPath: 'metadata',
        message: 'an object whose key is not a language code; ignored',
      },
    ]);
  });

  it('reports a language that is an array and still reads the others', () => {
    const { content, diagnostics } = read(
      '{"id": [1, 2], "vi": {"nlu": {"sentiment": {"normalized_accuracy": 5}}}}',
    );
    expect(entry(content.entries, 'sentiment', 'vi').value).toBe(5);
    expect(diagnostics).toContainEqual(expect.objectContaining({ file: FILE, keyPath: 'id' }));
  });

  it('reports a competency that is a string', () => {
    const { diagnostics } = read('{"id": {"nlu": "none", "nlr": {}}}');
    expect(diagnostics).toContainEqual(expect.objectContaining({ file: FILE, keyPath: 'id.nlu' }));
  });

  it('tolerates evaluated_as_base and the top-level total without a warning', () => {
    const { diagnostics } = read(
      '{"evaluated_as_base": false, "id": {"nlu": {"sentiment": {"normalized_accuracy": 5}}}, "total": 5}',
    );
    expect(diagnostics).toEqual([]);
  });

  it('reads English and Chinese languages too (scoring decides what counts)', () => {
    const { content } = read(
      '{"en": {"nlu": {"belebele-qa-mc": {"normalized_accuracy": 1}}}, "zh": {"nlu": {"belebele-qa-mc": {"normalized_accuracy": 2}}}}',
    );
    expect(content.entries.map((e) => e.lang).sort()).toEqual(['en', 'zh']);
  });
});
