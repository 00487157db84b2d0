/** A catalogue: the words of every message id in one locale. */
export type Template = (data: Readonly<Record<string, unknown>>) => string;
export type Catalogue = Readonly<Record<string, Template>>;
