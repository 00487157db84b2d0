/// <reference lib="dom" />
/**
 * What the form and the playground share in the browser: elements built from text (never markup, so
 * nothing from a standard or a record becomes HTML), the page's data block, and downloads.
 */
import { z } from 'zod';

// zod v4 probes `new Function` once to decide on its JIT; under the pages' CSP (no 'unsafe-eval') that
// probe is refused and reported. The pages parse small things: zod's plain path is enough.
z.config({ jitless: true });

type Child = Node | string | undefined | false;
/** A child, or a list of them (a list is passed as it is, never spread into the call: it may be long). */
export type Children = Child | readonly Child[];

/** An element with attributes (set as attributes, not markup) and children (text nodes for strings). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Readonly<Record<string, string | boolean | undefined>> = {}, ...children: Children[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

/** Replaces the children of `node`. */
export function setChildren(node: Element, ...children: Children[]): void {
  node.replaceChildren();
  append(node, children);
}

function append(node: Element, children: readonly Children[]): void {
  for (const child of children) {
    if (Array.isArray(child)) append(node, child);
    else if (child !== undefined && child !== false) node.append(child as Node | string);
  }
}

/** The JSON the page was written with (`<script type="application/json" id="scoresheet-data">`). */
export function pageData<T>(): T {
  return JSON.parse(document.getElementById('scoresheet-data')!.textContent ?? '{}') as T;
}

/** Offers `text` as a file to save (a download; nothing leaves the device). */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** localStorage, or nothing where the browser refuses it (a private window, a file:// policy). */
export function storage(): Storage | undefined {
  try {
    const s = window.localStorage;
    s.getItem('scoresheet');
    return s;
  } catch {
    return undefined;
  }
}
