/**
 * A list number as Word writes it for a level's numFmt (ECMA-376 §17.18.59): "3", "三", "叁", "丙",
 * "③", "iii", "c". Chinese plans number their sections 一、 (chineseCounting) and their items （一）
 * and 1., so these are the formats that matter; the rest fall back to decimal, which keeps the
 * number even where the glyph is not Word's.
 */

const DIGITS = '〇一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const PARENTHESISED = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇';
const FULL_STOP = '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛';

/**
 * Chinese counting: 十一, 二十, 一百零五, 三千二百. `legal` uses the financial forms (壹拾贰) Word
 * calls chineseLegalSimplified. Below 20 the leading 一 of 一十 is dropped in the plain forms, as in
 * 十一、.
 */
function chineseCounting(n: number, legal = false): string {
  if (n <= 0) return legal ? LEGAL_DIGITS[0] : '〇';
  const digits = legal ? LEGAL_DIGITS : DIGITS;
  const units = legal ? ['', '拾', '佰', '仟'] : ['', '十', '百', '千'];
  const zero = '零';
  const group = (g: number): string => {
    let out = '';
    let pendingZero = false;
    for (let u = 3; u >= 0; u--) {
      const d = Math.floor(g / 10 ** u) % 10;
      if (d === 0) {
        if (out) pendingZero = true;
        continue;
      }
      if (pendingZero) out += zero;
      pendingZero = false;
      out += digits[d] + units[u];
    }
    return out;
  };
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  let out = high ? `${chineseCounting(high, legal)}万` : '';
  if (low) out += (high && low < 1000 ? zero : '') + group(low);
  if (!legal && n >= 10 && n < 20) out = out.slice(1);
  return out;
}

function letters(n: number, upper: boolean): string {
  if (n <= 0) return String(n);
  // Word repeats the letter: a … z, aa … zz, aaa …
  const letter = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number, upper: boolean): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
    [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let out = '';
  for (const [value, glyphs] of table) {
    while (n >= value) {
      out += glyphs;
      n -= value;
    }
  }
  return upper ? out.toUpperCase() : out;
}

/** A glyph from a fixed series (①…⑳, 甲…癸), decimal past its end. */
const series = (glyphs: string, n: number): string => ([...glyphs][n - 1] ?? String(n));

export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'none':
    case 'bullet':
      return '';
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
      return letters(n, true);
    case 'lowerLetter':
      return letters(n, false);
    case 'upperRoman':
      return roman(n, true);
    case 'lowerRoman':
      return roman(n, false);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
      return chineseCounting(n, true);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(n)].map((d) => DIGITS[Number(d)] ?? d).join('');
    case 'ideographTraditional':
      return series(HEAVENLY_STEMS, n);
    case 'ideographZodiac':
      return series(EARTHLY_BRANCHES, n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return series(CIRCLED, n);
    case 'decimalEnclosedParen':
      return series(PARENTHESISED, n);
    case 'decimalEnclosedFullstop':
      return series(FULL_STOP, n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    default:
      return String(n);
  }
}
