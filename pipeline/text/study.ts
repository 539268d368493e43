/**
 * A sentence that says the meeting studied something ("会议传达学习了…精神", "会前，与会人员集中学习了《…》"), not
 * one where a speaker urges study ("强调要学习贯彻…"). Studying is an act of the meeting (kind other): news
 * keeps such a paragraph as an item, and an agenda's announcement that opens with it keeps it too.
 */
export const statesStudy = (text: string): boolean =>
  text.split(/[。；]/).some((sentence) => {
    const at = sentence.search(/传达学习|学习贯彻|(集中)?学习了/);
    return at >= 0 && !/强调|要求|指出|讲话|希望|表示|认为|说/.test(sentence.slice(0, at));
  });
