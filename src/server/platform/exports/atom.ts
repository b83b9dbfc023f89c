// Atom feeds (RFC 4287) through the `feed` library: what a feed reader subscribes to.
import { Feed } from "feed";

export type FeedEntry = {
  /** A permanent identifier: a tag or URL that never changes for this entry. */
  id: string;
  title: string;
  link: string;
  /** When the entry happened or was published (YYYY-MM-DD). */
  date: string;
  summary: string;
  /** Who wrote or decided it, when the record says. */
  author?: string;
};

export type FeedInfo = {
  id: string;
  title: string;
  /** The page the feed is about. */
  link: string;
  /** The feed's own address (rel="self"). */
  self: string;
  description: string;
  language?: string;
  /** Who publishes the feed (Atom requires an author for the feed or for every entry). */
  author: string;
};

const htmlEscapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** The library writes titles and summaries as HTML: plain text of the record is escaped into it. */
function asHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => htmlEscapes[char] ?? char).replace(/\n/g, "<br>");
}

function day(date: string): Date {
  return new Date(`${date.slice(0, 10)}T00:00:00Z`);
}

/**
 * An Atom document of the entries, newest first; `updated` is the newest entry's date (not the time
 * of the request), so an unchanged record gives the same bytes and feed readers see nothing new.
 */
export function toAtom(info: FeedInfo, entries: FeedEntry[]): string {
  const sorted = [...entries].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  const feed = new Feed({
    id: info.id,
    title: info.title,
    link: info.link,
    description: info.description,
    ...(info.language ? { language: info.language } : {}),
    updated: sorted[0] ? day(sorted[0].date) : new Date(0),
    generator: "Astana",
    feedLinks: { atom: info.self },
    copyright: "",
    author: { name: info.author },
  });
  for (const entry of sorted) {
    feed.addItem({
      id: entry.id,
      title: asHtml(entry.title),
      link: entry.link,
      date: day(entry.date),
      published: day(entry.date),
      description: asHtml(entry.summary),
      ...(entry.author ? { author: [{ name: entry.author }] } : {}),
    });
  }
  return feed.atom1();
}
