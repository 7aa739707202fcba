// A list read a page at a time from the server, through the list's cursor: shared by every table of the console.
import { type Signal, useSignal, useSignalEffect } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import type { Outcome } from './api.js';
import { Field, type FieldSchema } from './Field.js';

export interface Page<T> {
  items: T[];
  total: number;
  totalExact: boolean;
  nextCursor: string | null;
}

export const pageSize = 20;

/**
 * `read` fetches the page that starts at a cursor; the signals it reads before its first await (a search, the
 * user whose records these are) restart the list when they change. An answer overtaken by a later page, search
 * or reload is dropped, so a slow one never overwrites a newer one.
 */
export function usePages<T>(read: (cursor: string | undefined) => Promise<Outcome<{ data: Page<T> }>>) {
  // The cursors that started each page so far: going back re-reads the page from its own.
  const cursors = useSignal<Array<string | undefined>>([undefined]);
  const page = useSignal<Page<T> | undefined>(undefined);
  const refusal = useSignal('');
  const reloads = useSignal(0);

  useSignalEffect(() => {
    reloads.value;
    let stale = false;
    void read(cursors.value.at(-1)).then((answer) => {
      if (stale) return;
      refusal.value = answer.ok ? '' : answer.refusal;
      if (answer.ok) page.value = answer.data.data;
    });
    return () => {
      stale = true;
    };
  });

  return {
    page,
    refusal,
    number: () => cursors.value.length,
    /** Back to the first page (after a new search). */
    restart: () => (cursors.value = [undefined]),
    /** The current page again (after a change). */
    reload: () => reloads.value++,
    previous: () => (cursors.value = cursors.value.slice(0, -1)),
    next: () => {
      const cursor = page.value?.nextCursor;
      if (cursor) cursors.value = [...cursors.value, cursor];
    },
  };
}

type Pages = ReturnType<typeof usePages>;

/** "26 users · page 1", or "at least 10000 …" when the server did not count them all. */
export function caption(pages: Pages, noun: string): string {
  const page = pages.page.value;
  if (!page) return 'Loading…';
  return `${page.totalExact ? '' : 'at least '}${page.total} ${noun} · page ${pages.number()}`;
}

export function Pager({ pages, label }: { pages: Pages; label: string }) {
  return (
    <nav class="pager" aria-label={label}>
      <button type="button" disabled={pages.number() === 1} onClick={pages.previous}>
        Previous page
      </button>
      <button type="button" disabled={!pages.page.value?.nextCursor} onClick={pages.next}>
        Next page
      </button>
    </nav>
  );
}

/**
 * A keyword search over a list: `keyword` is the operation's query parameter as the spec states it (queryFields);
 * a search sets `search` to the trimmed keyword and starts the list again from its first page.
 */
export function Search({
  name,
  label,
  keyword: schema,
  search,
  pages,
  children,
}: {
  name: string;
  label: string;
  keyword: FieldSchema;
  search: Signal<string>;
  pages: Pages;
  children?: ComponentChildren;
}) {
  const keyword = useSignal(search.value);
  return (
    <form
      class="toolbar"
      aria-label={name}
      onSubmit={(e) => {
        e.preventDefault();
        search.value = keyword.value.trim();
        pages.restart();
      }}
    >
      <Field label={label} value={keyword} name="keyword" type="search" schema={schema} />
      <button type="submit">Search</button>
      {children}
    </form>
  );
}

export const when = (iso: string) => new Date(iso).toLocaleString();
