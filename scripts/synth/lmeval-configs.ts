/**
 * The `configs` section of an lm-eval results file (one task config per subtask, as the harness
 * dumps it) and, for the benchmark, per-sample records like those of raw `simple_evaluate()`
 * dumps. Texts are synthetic but have the structure and length of the real ones.
 */
import type { Rng } from './prng.ts';
import { pf, type PyJsonObject, type PyJsonValue } from './pyjson.ts';
import type { LeaderboardTask } from './lmeval-tasks.ts';

export type ConfigDetail = 'compact' | 'full';

const BBH_DESCRIPTIONS: Readonly<Record<string, string>> = {
  boolean_expressions: 'Evaluate the result of a random Boolean expression.',
  causal_judgement: 'Answer questions about causal attribution.',
  date_understanding: 'Infer the date from context.',
  disambiguation_qa: 'Clarify the meaning of sentences with ambiguous pronouns.',
  formal_fallacies: 'Distinguish deductively valid arguments from formal fallacies.',
  geometric_shapes: 'Name geometric shapes from their SVG paths.',
  hyperbaton: 'Order adjectives correctly in English sentences.',
  movie_recommendation: 'Recommend movies similar to the given list of movies.',
  navigate:
    'Given a series of navigation instructions, determine whether one would end up back at the starting point.',
  object_counting: 'Questions that involve enumerating objects and asking the model to count them.',
  penguins_in_a_table: 'Answer questions about a table of penguins and their attributes.',
  reasoning_about_colored_objects:
    'Answer extremely simple questions about the colors of objects on a surface.',
  ruin_names: "Select the humorous edit that 'ruins' the input movie or musical artist name.",
  salient_translation_error_detection:
    'Detect the type of error in an English translation of a German source sentence.',
  snarks:
    'Determine which of two sentences is sarcastic.\n\nAccording to Cambridge University Dictionary, sarcasm is "the use of remarks that clearly mean the opposite of what they say, made in order to hurt someone\'s feelings or to criticize something in a humorous way." Sarcastic sentences often contain satirical or ironic utterances, hyperboles, ambivalent or witty remarks.',
  sports_understanding:
    'Determine whether an artificially constructed sentence relating to sports is plausible or not.',
  temporal_sequences:
    'Task description: Answer questions about which times certain events could have occurred.',
  web_of_lies: 'Evaluate a random boolean function expressed as a word problem.',
};

const LOGICAL_DEDUCTION =
  'A logical deduction task which requires deducing the order of a sequence of objects.';
const TRACKING =
  'A task requiring determining the final positions of a set of objects given their initial positions and a description of a sequence of swaps.';

function bbhDescription(subset: string): string {
  if (subset.startsWith('logical_deduction')) return LOGICAL_DEDUCTION;
  if (subset.startsWith('tracking_shuffled')) return TRACKING;
  return BBH_DESCRIPTIONS[subset] ?? '';
}

const WORD_CHOICES: Readonly<Record<string, readonly string[]>> = {
  boolean_expressions: ['False', 'True'],
  causal_judgement: ['Yes', 'No'],
  formal_fallacies: ['valid', 'invalid'],
  navigate: ['Yes', 'No'],
  sports_understanding: ['yes', 'no'],
  web_of_lies: ['Yes', 'No'],
};

export function choicesOf(task: LeaderboardTask): readonly string[] {
  const words = WORD_CHOICES[task.subset];
  if (words !== undefined) return words;
  const count = task.options ?? 0;
  if (task.subset === 'object_counting') return Array.from({ length: count }, (_, i) => String(i));
  return Array.from({ length: count }, (_, i) => `(${String.fromCharCode(65 + i)})`);
}

const GPQA_PROCESS_DOCS =
  'def process_docs(dataset: datasets.Dataset) -> datasets.Dataset:\n    def _process_doc(doc):\n        choices = [\n            preprocess(doc["Incorrect Answer 1"]),\n            preprocess(doc["Incorrect Answer 2"]),\n            preprocess(doc["Incorrect Answer 3"]),\n            preprocess(doc["Correct Answer"]),\n        ]\n\n        random.shuffle(choices)\n        correct_answer_index = choices.index(preprocess(doc["Correct Answer"]))\n\n        out_doc = {\n            "choice1": choices[0],\n            "choice2": choices[1],\n            "choice3": choices[2],\n            "choice4": choices[3],\n            "answer": f"({chr(65 + correct_answer_index)})",\n        }\n        return out_doc\n\n    return dataset.map(_process_doc)\n';

const MATH_PROCESS_DOCS =
  'def process_docs(dataset: datasets.Dataset) -> datasets.Dataset:\n    def _process_doc(doc: dict) -> dict:\n        out_doc = {\n            "problem": doc["problem"],\n            "solution": doc["solution"],\n            "answer": remove_boxed(last_boxed_only_string(doc["solution"])),\n        }\n        if getattr(doc, "few_shot", None) is not None:\n            out_doc["few_shot"] = True\n        return out_doc\n\n    return dataset.filter(lambda x: x["level"] == "Level 5").map(_process_doc)\n';

const MATH_DOC_TO_TEXT =
  'def doc_to_text(doc: dict) -> str:\n    return "Problem:" + "\\n" + doc["problem"] + "\\n\\n" + "Solution:"\n';

const MATH_PROCESS_RESULTS =
  'def process_results(doc: dict, results: List[str]) -> Dict[str, int]:\n    candidates = results[0]\n    parsed_candidate = parse(candidates)\n    parsed_answer = parse(doc["solution"], extraction_config=[LatexExtractionConfig()])\n    if verify(parsed_answer, parsed_candidate):\n        retval = 1\n    else:\n        retval = 0\n\n    try:\n        original = process_result_v1(doc, candidates)\n    except:  # noqa: E722\n        original = 0\n\n    output = {\n        "exact_match": retval,\n        "exact_match_original": original,\n    }\n    return output\n';

const IFEVAL_PROCESS_RESULTS =
  'def process_results(doc, results):\n    inp = InputExample(\n        key=doc["key"],\n        instruction_id_list=doc["instruction_id_list"],\n        prompt=doc["prompt"],\n        kwargs=doc["kwargs"],\n    )\n    response = results[0]\n\n    out_strict = test_instruction_following_strict(inp, response)\n    out_loose = test_instruction_following_loose(inp, response)\n\n    return {\n        "prompt_level_strict_acc": out_strict.follow_all_instructions,\n        "inst_level_strict_acc": out_strict.follow_instruction_list,\n        "prompt_level_loose_acc": out_loose.follow_all_instructions,\n        "inst_level_loose_acc": out_loose.follow_instruction_list,\n    }\n';

const IFEVAL_INST_AGGREGATION =
  'def agg_inst_level_acc(items):\n    flat_items = [item for sublist in items for item in sublist]\n    inst_level_acc = sum(flat_items) / len(flat_items)\n    return inst_level_acc\n';

const MMLU_PRO_DOC_TO_TEXT =
  'def doc_to_text(doc):\n    doc_to_text = f"{doc[\'question\']}\\n"\n\n    for i in range(len(doc["options"])):\n        doc_to_text += f"{string.ascii_uppercase[i]}. {doc[\'options\'][i]}\\n"\n\n    doc_to_text += "Answer:"\n    return doc_to_text\n';

const MMLU_PRO_DOC_TO_CHOICE =
  'def doc_to_choice(doc):\n    return [string.ascii_uppercase[i] for i in range(len(doc["options"]))]\n';

const MUSR_DOC_TO_TEXT =
  'def doc_to_text(doc):\n    """\n    Convert a doc to text.\n    """\n    choices = ""\n    for i, choice in enumerate(ast.literal_eval(doc["choices"])):\n        choices += f"{i + 1} - {choice}\\n"\n\n    text = DOC_TO_TEXT.format(\n        narrative=doc["narrative"], question=doc["question"], choices=choices\n    )\n\n    return text\n';

const GPQA_DOC_TO_TEXT =
  'What is the correct answer to this question:{{Question}}\nChoices:\n(A) {{choice1}}\n(B) {{choice2}}\n(C) {{choice3}}\n(D) {{choice4}}\nAnswer: ';

/** Everything the metadata of a config holds besides the version: the model arguments. */
export interface ModelArgs {
  readonly pretrained: string;
  readonly [key: string]: string | boolean;
}

export interface ConfigContext {
  readonly detail: ConfigDetail;
  readonly modelArgs: ModelArgs;
  readonly mathVersion: number;
  readonly rng: Rng;
}

function metricList(task: LeaderboardTask, mathVersion: number): PyJsonValue {
  const names = [...task.metrics];
  if (task.benchmark === 'math_hard' && mathVersion >= 3) names.push('exact_match_original');
  return names.map((metric) => ({
    metric,
    aggregation: metric.startsWith('inst_level') ? IFEVAL_INST_AGGREGATION : 'mean',
    higher_is_better: true,
  }));
}

/** `configs[task]`: the task's YAML after the harness resolved it. */
export function taskConfig(task: LeaderboardTask, context: ConfigContext): PyJsonObject {
  return context.detail === 'full'
    ? fullTaskConfig(task, context)
    : compactTaskConfig(task, context);
}

/** Only the keys a reader may look at (`output_type`, `metric_list`), for small sample files. */
function compactTaskConfig(task: LeaderboardTask, context: ConfigContext): PyJsonObject {
  return {
    task: task.name,
    num_fewshot: task.nShot,
    metric_list: metricList(task, context.mathVersion),
    output_type: task.outputType,
    metadata: { version: pf(taskVersion(task, context.mathVersion)) },
  };
}

function fullTaskConfig(task: LeaderboardTask, context: ConfigContext): PyJsonObject {
  const head = datasetFields(task, true);
  const config: Record<string, PyJsonValue> = { task: task.name, ...head };
  config['description'] = task.benchmark === 'bbh' ? bbhDescription(task.subset) : '';
  config['target_delimiter'] = ' ';
  config['fewshot_delimiter'] = '\n\n';
  const fewshot = fewshotConfig(task, context);
  if (fewshot !== null) config['fewshot_config'] = fewshot;
  config['num_fewshot'] = task.nShot;
  config['metric_list'] = metricList(task, context.mathVersion);
  config['output_type'] = task.outputType;
  const generation = generationKwargs(task);
  if (generation !== null) config['generation_kwargs'] = generation;
  config['repeats'] = 1;
  config['should_decontaminate'] = false;
  config['metadata'] = {
    version: pf(taskVersion(task, context.mathVersion)),
    ...context.modelArgs,
  };
  return config;
}

export function taskVersion(task: LeaderboardTask, mathVersion: number): number {
  if (task.benchmark === 'math_hard') return mathVersion;
  if (task.benchmark === 'ifeval') return 3;
  if (task.benchmark === 'mmlu_pro') return 0.1;
  return 1;
}

function datasetFields(task: LeaderboardTask, full: boolean): Record<string, PyJsonValue> {
  switch (task.benchmark) {
    case 'bbh':
      return {
        dataset_path: 'SaylorTwift/bbh',
        dataset_name: task.subset,
        test_split: 'test',
        doc_to_text: 'Q: {{input}}\nA:',
        doc_to_target: '{{target}}',
        unsafe_code: false,
        doc_to_choice: [...choicesOf(task)],
      };
    case 'gpqa':
      return {
        dataset_path: 'Idavidrein/gpqa',
        dataset_name: task.subset,
        training_split: 'train',
        validation_split: 'train',
        ...(full ? { process_docs: GPQA_PROCESS_DOCS } : {}),
        doc_to_text: GPQA_DOC_TO_TEXT,
        doc_to_target: 'answer',
        unsafe_code: false,
        doc_to_choice: [...choicesOf(task)],
      };
    case 'ifeval':
      return {
        dataset_path: 'wis-k/instruction-following-eval',
        test_split: 'train',
        doc_to_text: 'prompt',
        doc_to_target: 0,
        unsafe_code: false,
        ...(full ? { process_results: IFEVAL_PROCESS_RESULTS } : {}),
      };
    case 'math_hard':
      return {
        dataset_path: 'DigitalLearningGmbH/MATH-lighteval',
        dataset_name: task.subset,
        training_split: 'train',
        test_split: 'test',
        ...(full ? { process_docs: MATH_PROCESS_DOCS } : {}),
        doc_to_text: MATH_DOC_TO_TEXT,
        doc_to_target: '{{answer if few_shot is undefined else solution}}',
        unsafe_code: false,
        ...(full ? { process_results: MATH_PROCESS_RESULTS } : {}),
      };
    case 'mmlu_pro':
      return {
        dataset_path: 'TIGER-Lab/MMLU-Pro',
        test_split: 'test',
        fewshot_split: 'validation',
        doc_to_text: MMLU_PRO_DOC_TO_TEXT,
        doc_to_target: 'answer',
        unsafe_code: false,
        doc_to_choice: MMLU_PRO_DOC_TO_CHOICE,
      };
    case 'musr':
      return {
        dataset_path: 'TAUR-Lab/MuSR',
        test_split: task.subset,
        doc_to_text: MUSR_DOC_TO_TEXT,
        doc_to_target: '{{answer_choice}}',
        unsafe_code: false,
        doc_to_choice: '{{choices}}',
      };
  }
}

function fewshotConfig(task: LeaderboardTask, context: ConfigContext): PyJsonValue | null {
  if (task.benchmark === 'musr') return null;
  if (task.benchmark !== 'bbh') return { sampler: 'first_n' };
  const rng = context.rng.fork(`fewshot/${task.name}`);
  const samples = Array.from({ length: task.nShot }, () => ({
    input: bbhQuestion(task, rng),
    target: rng.pick(choicesOf(task)),
  }));
  return { sampler: 'first_n', samples };
}

function generationKwargs(task: LeaderboardTask): PyJsonValue | null {
  if (task.benchmark === 'math_hard') {
    return { until: ['Problem:'], do_sample: false, temperature: pf(0), max_gen_toks: 1024 };
  }
  if (task.benchmark === 'ifeval') {
    return { until: [], do_sample: false, temperature: pf(0), max_gen_toks: 1280 };
  }
  return null;
}

const WORDS = (
  'the a of to and in that is was for on with as by at from this which an be are or it his ' +
  'her their had not but were they all one have there who more when would what some so can ' +
  'into time only new other after first also made then people two them such these years may ' +
  'most over state city world between through many during still since water right left turn ' +
  'step forward backward table penguin ball book red blue green yellow purple orange number ' +
  'true false valid argument premise conclusion translation german source sentence movie ' +
  'artist name date yesterday tomorrow today week month object position swap player game'
).split(' ');

/** A sentence of plausible English-looking words. */
export function sentence(rng: Rng, minWords: number, maxWords: number): string {
  const count = rng.int(minWords, maxWords);
  const words = Array.from({ length: count }, () => rng.pick(WORDS));
  const first = words[0] ?? 'the';
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return words.join(' ') + '.';
}

function bbhQuestion(task: LeaderboardTask, rng: Rng): string {
  const body = Array.from({ length: rng.int(2, 6) }, () => sentence(rng, 6, 18)).join(' ');
  const choices = choicesOf(task);
  if (choices[0]?.startsWith('(') !== true) return body;
  const options = choices.map((choice) => `${choice} ${sentence(rng, 1, 4)}`).join('\n');
  return `${body}\nOptions:\n${options}`;
}

/**
 * One per-sample record of a raw `simple_evaluate()` dump (its `samples` key): the document, the
 * full prompt per answer option (few-shot examples included), log-likelihoods and hashes.
 */
export function sampleRecord(
  task: LeaderboardTask,
  docId: number,
  config: PyJsonObject,
  rng: Rng,
): PyJsonObject {
  const question = task.benchmark === 'bbh' ? bbhQuestion(task, rng) : longQuestion(rng);
  const prompt = `${fewshotPrefix(config)}Q: ${question}\nA:`;
  if (task.outputType === 'generate_until') {
    return generativeRecord(task, docId, question, prompt, sentence(rng, 1, 3), rng);
  }
  return choiceRecord(task, docId, question, prompt, rng.pick(choicesOf(task)), rng);
}

function fewshotPrefix(config: PyJsonObject): string {
  const description = typeof config['description'] === 'string' ? config['description'] : '';
  const fewshot = config['fewshot_config'];
  const samples =
    fewshot !== null && typeof fewshot === 'object' && 'samples' in fewshot
      ? fewshot['samples']
      : null;
  if (!Array.isArray(samples)) return description;
  const shots = samples.map(
    (sample: PyJsonObject) => `Q: ${String(sample['input'])}\nA: ${String(sample['target'])}`,
  );
  return `${description}${shots.join('\n\n')}\n\n`;
}

function longQuestion(rng: Rng): string {
  return Array.from({ length: rng.int(4, 12) }, () => sentence(rng, 8, 22)).join(' ');
}

function hashes(rng: Rng): PyJsonObject {
  return { doc_hash: rng.hex(64), prompt_hash: rng.hex(64), target_hash: rng.hex(64) };
}

function choiceRecord(
  task: LeaderboardTask,
  docId: number,
  question: string,
  prompt: string,
  target: string,
  rng: Rng,
): PyJsonObject {
  const choices = choicesOf(task);
  const logLikelihoods = choices.map(() => -rng.uniform(0.001, 12));
  const best = logLikelihoods.indexOf(Math.max(...logLikelihoods));
  const metric = task.metrics[0] ?? 'acc';
  return {
    doc_id: docId,
    doc: { input: question, target },
    target,
    arguments: choices.map((choice) => [prompt, ` ${choice}`]),
    resps: logLikelihoods.map((ll, i) => [[pf(ll), i === best]]),
    filtered_resps: logLikelihoods.map((ll, i) => [pf(ll), i === best]),
    filter: 'none',
    metrics: [metric],
    ...hashes(rng),
    [metric]: pf(choices[best] === target ? 1 : 0),
  };
}

function generativeRecord(
  task: LeaderboardTask,
  docId: number,
  question: string,
  prompt: string,
  target: string,
  rng: Rng,
): PyJsonObject {
  const response = longQuestion(rng);
  const correct = rng.chance(0.2);
  const scores: Record<string, PyJsonValue> = {};
  for (const metric of task.metrics)
    scores[metric] = task.benchmark === 'ifeval' ? correct : pf(correct ? 1 : 0);
  return {
    doc_id: docId,
    doc: { problem: question, level: 'Level 5', solution: longQuestion(rng), answer: target },
    target,
    arguments: [[prompt, generationKwargs(task) ?? {}]],
    resps: [[response]],
    filtered_resps: [response],
    filter: 'none',
    metrics: [...task.metrics],
    ...hashes(rng),
    ...scores,
  };
}
