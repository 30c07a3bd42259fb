// Running heads, footers and page numbers are not part of the plan's text.

/** "— 3 —", "- 3 -", "3", "第 3 页", "第3页 共10页", "3/10", "·3·" */
export const PAGE_NUMBER = /^[\s　]*(?:[—–\-－·•]{1,2}[\s　]*\d{1,4}[\s　]*[—–\-－·•]{1,2}|\d{1,4}|第[\s　]*\d{1,4}[\s　]*页(?:[\s　]*[，,]?[\s　]*共[\s　]*\d{1,4}[\s　]*页)?|\d{1,4}[\s　]*\/[\s　]*\d{1,4})[\s　]*$/

export const isPageNumber = (line: string) => PAGE_NUMBER.test(line)
