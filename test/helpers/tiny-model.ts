import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataType, encodeModel, type Graph } from './_onnx-proto.js';

/**
 * A complete, tiny BERT-like model folder in the layout transformers.js reads (the layout of
 * Xenova/bge-small-zh-v1.5), written from code so tests need no download:
 *
 *   config.json              model_type bert, hidden size 8
 *   tokenizer.json           BertNormalizer (splits CJK characters) → BertPreTokenizer → WordPiece,
 *                            [CLS] … [SEP] added by TemplateProcessing
 *   tokenizer_config.json    BertTokenizer, the special tokens
 *   1_Pooling/config.json    sentence-transformers pooling: CLS, as BGE declares it
 *   onnx/model.onnx          the graph below, weights from a seeded PRNG
 *
 * The graph is one layer of uniform attention, so the [CLS] position sees the whole sentence (with
 * plain embeddings every text would share the [CLS] vector):
 *
 *   e   = word_embeddings[input_ids] + token_type_embeddings[token_type_ids]   [batch, seq, H]
 *   ctx = Σ_t e·mask / Σ_t mask                                                [batch, 1, H]
 *   last_hidden_state = tanh(e + ctx)
 *
 * Padding is masked out of ctx, so a text's vector does not depend on what it is batched with.
 * Every byte is a function of the code: the same folder is written on every run.
 */

export const TINY_HIDDEN_SIZE = 8;

const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
/** Characters of standing-committee work plans, enough for the test sentences to avoid [UNK]. */
const CHARS = [
  ...'人大常委会代表主任议事规则会议第次年度工作计划要点食品安全法执法检查听取审议报告预算决算监督调研专题询问',
  ...'国有资产管理财政经济环境资源保护教育科学文化卫生农业农村社会建设民族宗教外事侨务立法条例修改制定废止决定',
  ...'批准任免省市县区政府法院检察院关于和的及情况实施',
];
const VOCAB = [...SPECIAL, ...new Set(CHARS)];

/** mulberry32: a small seeded PRNG, so the weights are fixed without storing them. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function floats(count: number, next: () => number): Uint8Array {
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) values[i] = next() * 2 - 1;
  return new Uint8Array(values.buffer);
}

const int64s = (values: number[]): Uint8Array => new Uint8Array(new BigInt64Array(values.map(BigInt)).buffer);

function tinyGraph(): Graph {
  const next = prng(20240521);
  const H = TINY_HIDDEN_SIZE;
  const ids = ['batch', 'sequence'];
  return {
    name: 'tiny_bert',
    initializers: [
      { name: 'word_embeddings', dims: [VOCAB.length, H], dataType: DataType.FLOAT, raw: floats(VOCAB.length * H, next) },
      { name: 'token_type_embeddings', dims: [2, H], dataType: DataType.FLOAT, raw: floats(2 * H, next) },
      { name: 'axis_last', dims: [1], dataType: DataType.INT64, raw: int64s([2]) },
      { name: 'axis_sequence', dims: [1], dataType: DataType.INT64, raw: int64s([1]) },
    ],
    nodes: [
      { opType: 'Gather', inputs: ['word_embeddings', 'input_ids'], outputs: ['words'] },
      { opType: 'Gather', inputs: ['token_type_embeddings', 'token_type_ids'], outputs: ['types'] },
      { opType: 'Add', inputs: ['words', 'types'], outputs: ['embedded'] },
      { opType: 'Cast', inputs: ['attention_mask'], outputs: ['mask'], attributes: [{ name: 'to', int: DataType.FLOAT }] },
      { opType: 'Unsqueeze', inputs: ['mask', 'axis_last'], outputs: ['mask3'] },
      { opType: 'Mul', inputs: ['embedded', 'mask3'], outputs: ['masked'] },
      { opType: 'ReduceSum', inputs: ['masked', 'axis_sequence'], outputs: ['summed'], attributes: [{ name: 'keepdims', int: 1 }] },
      { opType: 'ReduceSum', inputs: ['mask3', 'axis_sequence'], outputs: ['count'], attributes: [{ name: 'keepdims', int: 1 }] },
      { opType: 'Div', inputs: ['summed', 'count'], outputs: ['context'] },
      { opType: 'Add', inputs: ['embedded', 'context'], outputs: ['mixed'] },
      { opType: 'Tanh', inputs: ['mixed'], outputs: ['last_hidden_state'] },
    ],
    inputs: [
      { name: 'input_ids', elemType: DataType.INT64, shape: ids },
      { name: 'attention_mask', elemType: DataType.INT64, shape: ids },
      { name: 'token_type_ids', elemType: DataType.INT64, shape: ids },
    ],
    outputs: [{ name: 'last_hidden_state', elemType: DataType.FLOAT, shape: [...ids, H] }],
  };
}

function tokenizerJson(): object {
  const added = SPECIAL.map((content, id) => ({
    id,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  }));
  const special = (token: string) => ({ id: token, ids: [VOCAB.indexOf(token)], tokens: [token] });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: added,
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: { '[CLS]': special('[CLS]'), '[SEP]': special('[SEP]') },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(VOCAB.map((token, id) => [token, id])),
    },
  };
}

const json = (value: object): string => `${JSON.stringify(value, null, 2)}\n`;

export async function writeTinyModel(dir: string): Promise<void> {
  await mkdir(join(dir, 'onnx'), { recursive: true });
  await mkdir(join(dir, '1_Pooling'), { recursive: true });
  await writeFile(
    join(dir, 'config.json'),
    json({
      architectures: ['BertModel'],
      model_type: 'bert',
      hidden_size: TINY_HIDDEN_SIZE,
      num_hidden_layers: 1,
      num_attention_heads: 1,
      intermediate_size: 2 * TINY_HIDDEN_SIZE,
      max_position_embeddings: 64,
      type_vocab_size: 2,
      vocab_size: VOCAB.length,
      pad_token_id: 0,
    }),
  );
  await writeFile(join(dir, 'tokenizer.json'), json(tokenizerJson()));
  await writeFile(
    join(dir, 'tokenizer_config.json'),
    json({
      tokenizer_class: 'BertTokenizer',
      do_lower_case: true,
      tokenize_chinese_chars: true,
      strip_accents: null,
      model_max_length: 64,
      clean_up_tokenization_spaces: true,
      pad_token: '[PAD]',
      unk_token: '[UNK]',
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      mask_token: '[MASK]',
    }),
  );
  await writeFile(
    join(dir, '1_Pooling', 'config.json'),
    json({ word_embedding_dimension: TINY_HIDDEN_SIZE, pooling_mode_cls_token: true, pooling_mode_mean_tokens: false }),
  );
  await writeFile(join(dir, 'onnx', 'model.onnx'), encodeModel(tinyGraph()));
}
