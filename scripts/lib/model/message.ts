// A message in both locales, defined next to the logic that finds the problem (a rule's `messages`, the
// loader's schema issues) and worded only when a finding is made.

export type MessageData = Record<string, string | number | boolean | undefined>

export interface Message<D extends MessageData = MessageData> {
  zh: (data: D) => string
  en: (data: D) => string
}

/**
 * A message from its two wordings. A rule fixes its data type once (`const m = message<D>`) and writes
 * `m((d) => …, (d) => …)` for each of its messages.
 */
export function message<D extends MessageData>(zh: (data: D) => string, en: (data: D) => string): Message<D> {
  return { zh, en }
}
