/**
 * A plan made public, as news says it: "省人大常委会26日公布2013年立法计划", "…2022年工作要点出炉",
 * "印发《…工作要点》". One pattern for the list splitter, the classifier, the news frame and the headline
 * reader, so that they agree on which sentence reports a plan made public.
 */
export const PUBLISHED = '公布|发布|出炉|印发';
const PLAN = '计划|要点';

/** Either order, within a clause: the verb before the plan ("公布…立法计划"), or after it ("工作要点出炉"). */
export const PLAN_PUBLISHED_SOURCE = `(?:${PUBLISHED})了?[^。，,；]{0,12}(?:${PLAN})|(?:${PLAN})》?[^。，,；]{0,6}(?:${PUBLISHED})`;
export const PLAN_PUBLISHED = new RegExp(PLAN_PUBLISHED_SOURCE);

/** …in the first sentence of a paragraph: a lede on the plan made public. */
export const PLAN_PUBLISHED_LEDE = new RegExp(`^[^。]{0,40}(?:${PLAN_PUBLISHED_SOURCE})`);
