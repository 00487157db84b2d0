/** A reason or problem as data: an id into the message catalogues plus the values it interpolates. */
export interface Message {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

export type Locale = 'en' | 'zh-CN';

/** A message's words: a function of its data. */
export type Template = (data: Readonly<Record<string, unknown>>) => string;
/** One locale's words, by message id. */
export type Catalogue = Readonly<Record<string, Template>>;
