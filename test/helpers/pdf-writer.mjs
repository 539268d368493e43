// The file around a list of PDF objects, for the PDFs tests and benches write by hand: the header,
// the objects numbered from 1 (object 1 is the catalog), a cross-reference table with exact offsets
// (so pdf.js reads the file without repairing it) and the trailer. Plain ESM, so the benches, which
// run without a TypeScript loader, share it with the tests.

/** A PDF file of `objects` (bodies as latin1 strings or bytes). */
export function writePdf(objects) {
  const parts = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let at = parts[0].length;
  const offsets = objects.map((body, i) => {
    const obj = Buffer.concat([latin1(`${i + 1} 0 obj\n`), typeof body === 'string' ? latin1(body) : body, latin1('\nendobj\n')]);
    parts.push(obj);
    at += obj.length;
    return at - obj.length;
  });
  const entries = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(latin1(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A stream object's body: `content` (latin1 or bytes) with its length and any other `dict` entries. */
export function stream(content, dict = '') {
  const data = typeof content === 'string' ? latin1(content) : content;
  return Buffer.concat([latin1(`<< /Length ${data.length}${dict ? ` ${dict}` : ''} >>\nstream\n`), data, latin1('\nendstream')]);
}

const latin1 = (s) => Buffer.from(s, 'latin1');
