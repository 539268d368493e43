/**
 * OCR text → the text a typist would have produced. Tesseract separates every Chinese character
 * with a space and misreads numbering punctuation; both would defeat segmentation. Line structure
 * is kept: this works on one line at a time.
 */
const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef“”‘’—…·';
const SPACE_IN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}0-9])|(?<=[0-9])\\s+(?=[${CJK}])`, 'g');

export function cleanOcrLine(line: string): string {
  // Angle brackets almost never occur in official prose; tesseract reads （ ） as 〈 〉.
  let t = line.replace(SPACE_IN_CJK, '').replace(/〈/g, '（').replace(/〉/g, '）').trim();
  // Numbering markers as OCR misreads them: "1，" "1 ." → "1."; "一 、" → "一、"; "( 一 )" → "（一）".
  t = t.replace(/^(\d{1,2})\s*[，,]\s*/, '$1.').replace(/^(\d{1,2})\s+\.\s*/, '$1.');
  t = t.replace(/^([一二三四五六七八九十]{1,3})\s*[、，,]\s*/, '$1、');
  t = t.replace(/^[（(]\s*([一二三四五六七八九十\d]{1,3})\s*[）)]\s*/, '（$1）');
  return t;
}
