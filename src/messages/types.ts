/** A reason or problem as data: an id into the message catalogues plus the values it interpolates. */
export interface Message {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

export type { Locale } from './locales.js';
