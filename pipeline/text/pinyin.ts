/**
 * Mirror sites that re-publish official pages in traditional characters often insert pinyin
 * glosses after characters they think hard: "監(jiān)督", "統(tǒng)籌", "計(jì)劃". The glosses are
 * not part of the document; left in, they break words ("監(jiān)督" is no longer 监督) and, after
 * bracket folding, look like parenthesised notes. A gloss is a bracketed run of Latin letters with
 * at least one tone-marked vowel (or ü) right after a Han character — plain "(a)", "(PDF)" and
 * "(2024)" never qualify. Some copies pad the gloss with a space: "會(huì )議".
 */
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü';
export const PINYIN_GLOSS = new RegExp(
  `(?<=[\\u3400-\\u9fff])[(（] ?(?=[a-z${TONED}]*[${TONED}])[a-z${TONED}]{1,7} ?[)）]`,
  'g',
);

export function dropPinyinGlosses(text: string): string {
  return text.replace(PINYIN_GLOSS, '');
}

/**
 * OCR loses the tone marks ("網(wang)"): in a page already known to be a traditional-character mirror
 * copy, a bracketed lowercase run after a Han character that spells one pinyin syllable is a gloss
 * too. Elsewhere "(a)" or "(de)" could be anything, so this is only used for such pages.
 */
const SYLLABLE = '(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:a|o|e|i|u|v|ai|ei|ao|ou|an|en|ang|eng|ong|er|ia|ie|iu|in|ing|ian|iang|iao|iong|ua|uo|ui|un|uan|uang|uai|ue|ve)';
export const TONELESS_GLOSS = new RegExp(`(?<=[\\u3400-\\u9fff])[(（]${SYLLABLE}[)）]`, 'g');

/**
 * What OCR makes of glosses on such a page: letters misread as digits or capitals, a syllable split
 * by a space, a bracket lost ("學(X ue)", "產(chgnm)", "業(y8)", "務(wu工作"). Only where the page
 * already shows itself a glossed mirror (GLOSSED_PAGE glosses of the strict forms), a bracketed run of
 * up to seven Latin letters, digits and spaces with a lowercase letter among them, right after a Han
 * character, is a gloss too ("(GDP)" and "(APP)" are not); so is an unclosed bracket holding a lowercase
 * run that runs straight into Han text, its first letter perhaps read as a capital ("執（Zhi法").
 */
export const GLOSSED_PAGE = 3;
export const LOOSE_GLOSS = /(?<=[\u3400-\u9fff])[(（](?=[A-Za-z0-9 ]*[a-z])[A-Za-z0-9 ]{1,7}[)）]|(?<=[\u3400-\u9fff])[(（](?=[A-Za-z]*[a-z])[A-Za-z]{1,6}(?=[\u3400-\u9fff])/g;
