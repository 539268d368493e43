/**
 * Just enough protobuf to write an ONNX ModelProto by hand, so tests can build a model without
 * python `onnx` or a protobuf library. Field numbers are from onnx/onnx.proto (proto2); only the
 * fields a tiny inference graph needs are encoded. Writing is deterministic: fields go out in the
 * order given, so the same graph always yields the same bytes.
 */

type Bytes = Uint8Array;

function varint(value: number | bigint): number[] {
  // int64 fields take negative values as 10-byte two's complement; nothing here is negative, but
  // BigInt keeps values above 2^31 exact.
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) byte |= 0x80;
    out.push(byte);
  } while (v !== 0n);
  return out;
}

const WIRE_VARINT = 0;
const WIRE_LEN = 2;

const key = (field: number, wire: number): number[] => varint((field << 3) | wire);

function concat(parts: Array<Bytes | number[]>): Bytes {
  const size = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const int = (field: number, value: number | bigint): number[] => [...key(field, WIRE_VARINT), ...varint(value)];
const bytes = (field: number, value: Bytes): Bytes => concat([key(field, WIRE_LEN), varint(value.length), value]);
const str = (field: number, value: string): Bytes => bytes(field, new TextEncoder().encode(value));

/** TensorProto.DataType values used here. */
export const DataType = { FLOAT: 1, INT64: 7 } as const;

/** A dimension is a fixed size or a symbolic name ('batch', 'sequence'). */
export type Dim = number | string;

export interface ValueInfo {
  name: string;
  elemType: number;
  shape: Dim[];
}

export interface Tensor {
  name: string;
  dims: number[];
  dataType: number;
  /** Little-endian element bytes (TensorProto.raw_data). */
  raw: Bytes;
}

export type Attribute = { name: string; int: number } | { name: string; ints: number[] };

export interface Node {
  opType: string;
  inputs: string[];
  outputs: string[];
  name?: string;
  attributes?: Attribute[];
}

export interface Graph {
  name: string;
  nodes: Node[];
  initializers: Tensor[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
}

// AttributeProto.AttributeType
const ATTR_INT = 2;
const ATTR_INTS = 7;

function attribute(a: Attribute): Bytes {
  // AttributeProto: name=1, i=3, ints=8, type=20.
  if ('int' in a) return concat([str(1, a.name), int(3, a.int), int(20, ATTR_INT)]);
  return concat([str(1, a.name), ...a.ints.map((v) => int(8, v)), int(20, ATTR_INTS)]);
}

function node(n: Node): Bytes {
  // NodeProto: input=1, output=2, name=3, op_type=4, attribute=5.
  return concat([
    ...n.inputs.map((i) => str(1, i)),
    ...n.outputs.map((o) => str(2, o)),
    ...(n.name ? [str(3, n.name)] : []),
    str(4, n.opType),
    ...(n.attributes ?? []).map((a) => bytes(5, attribute(a))),
  ]);
}

function tensor(t: Tensor): Bytes {
  // TensorProto: dims=1 (unpacked varints are accepted for repeated int64), data_type=2, name=8,
  // raw_data=9.
  return concat([...t.dims.map((d) => int(1, d)), int(2, t.dataType), str(8, t.name), bytes(9, t.raw)]);
}

function valueInfo(v: ValueInfo): Bytes {
  // TensorShapeProto.Dimension: dim_value=1, dim_param=2; TensorShapeProto: dim=1.
  const dims = v.shape.map((d) => bytes(1, typeof d === 'number' ? new Uint8Array(int(1, d)) : str(2, d)));
  const shape = concat(dims);
  // TypeProto.Tensor: elem_type=1, shape=2; TypeProto: tensor_type=1.
  const tensorType = concat([int(1, v.elemType), bytes(2, shape)]);
  const type = bytes(1, tensorType);
  // ValueInfoProto: name=1, type=2.
  return concat([str(1, v.name), bytes(2, type)]);
}

function graph(g: Graph): Bytes {
  // GraphProto: node=1, name=2, initializer=5, input=11, output=12.
  return concat([
    ...g.nodes.map((n) => bytes(1, node(n))),
    str(2, g.name),
    ...g.initializers.map((t) => bytes(5, tensor(t))),
    ...g.inputs.map((v) => bytes(11, valueInfo(v))),
    ...g.outputs.map((v) => bytes(12, valueInfo(v))),
  ]);
}

/**
 * Encode a ModelProto. IR version 8 with the default-domain opset 13 is what ONNX Runtime 1.x reads
 * everywhere and what transformers' BERT exports declare.
 */
export function encodeModel(g: Graph, options: { irVersion?: number; opset?: number; producer?: string } = {}): Bytes {
  const { irVersion = 8, opset = 13, producer = 'renda-test' } = options;
  // OperatorSetIdProto: domain=1, version=2 (an empty domain is the ONNX default and is omitted).
  const opsetImport = concat([int(2, opset)]);
  // ModelProto: ir_version=1, producer_name=2, graph=7, opset_import=8.
  return concat([int(1, irVersion), str(2, producer), bytes(7, graph(g)), bytes(8, opsetImport)]);
}
