#!/usr/bin/env python3
"""Crawl a built stateside site served under a sub-path and report broken links.

    python3 .ci/crawl.py --base http://127.0.0.1:8000/repo/

Starts at BASE/index.html (and BASE/sitemap.xml when there is one), follows
every href, src and srcset on the same origin, fetching each URL once, and
fails on:
  - any answer other than 200 (redirects are not followed: a redirect means
    a link names a folder without its slash);
  - an internal link that leaves BASE's path;
  - a relative link that names a folder ("states/iowa/") instead of a file,
    which breaks when the site is opened from disk;
  - a javascript: URL;
  - a #fragment with no matching id (or <a name>) in the target page.
BASE/404.html is also read as if the host served it at nested missing paths,
and its links resolved from there.

Python standard library only. Bounded: at most --max-urls fetches, each with
a --timeout in seconds.
"""

import argparse
import re
from collections import deque
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

# Where 404.html is pretended to be served, relative to BASE.
MISSING_PATHS = ["no-such-page", "some/missing/page.html", "a/b/c/d/"]
# Attributes holding a URL, and the meta properties whose content is one.
URL_ATTRS = {"href", "src", "poster", "action", "data"}
META_URL_PROPERTIES = {"og:url", "og:image", "twitter:image"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
SITEMAP_LOC = re.compile(r"<loc>\s*([^<]+?)\s*</loc>")


@dataclass
class Link:
    source: str  # the page the link is on
    raw: str  # as written
    url: str  # resolved, with fragment


@dataclass
class Fetched:
    status: int
    content_type: str = ""
    ids: set = field(default_factory=set)
    links: list = field(default_factory=list)
    error: str = ""


class PageParser(HTMLParser):
    """Collects URL attribute values and element ids of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for name, value in attrs.items():
            if value is None:
                continue
            if name in URL_ATTRS:
                self.urls.append(value)
            elif name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    if candidate.strip():
                        self.urls.append(candidate.split()[0])
        if tag == "meta" and attrs.get("property") in META_URL_PROPERTIES and attrs.get("content"):
            self.urls.append(attrs["content"])

    handle_startendtag = handle_starttag


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class Crawler:
    def __init__(self, base, max_urls, timeout):
        self.base = base if base.endswith("/") else base + "/"
        parts = urlsplit(self.base)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.prefix = parts.path
        self.max_urls = max_urls
        self.timeout = timeout
        self.opener = urllib.request.build_opener(NoRedirect)
        self.fetched = {}
        self.queue = deque()
        self.seen = set()  # every URL ever queued
        self.problems = []
        self.links_checked = 0
        self.external = set()
        self.fragments = []  # (target url, fragment, Link)

    def fetch(self, url):
        try:
            with self.opener.open(url, timeout=self.timeout) as response:
                body = response.read()
                result = Fetched(response.status, response.headers.get_content_type())
        except urllib.error.HTTPError as err:
            return Fetched(err.code, error=err.reason)
        except (urllib.error.URLError, OSError) as err:
            return Fetched(0, error=str(err))
        text = body.decode("utf-8", errors="replace")
        if result.content_type == "text/html":
            parser = PageParser()
            parser.feed(text)
            parser.close()
            result.ids = parser.ids
            result.links = parser.urls
        elif result.content_type == "text/css":
            result.links = [a or b for a, b in CSS_URL.findall(text)]
        elif url.endswith(".xml"):
            result.links = SITEMAP_LOC.findall(text)
        return result

    def add_link(self, source, raw, resolve_from=None, is_404=False):
        """Checks one link as written on page `source` and queues its target."""
        value = raw.strip()
        if value in ("", "#"):
            return
        scheme = urlsplit(value).scheme.lower()
        if scheme == "javascript":
            self.problems.append(f"{source}: javascript: URL {raw!r}")
            return
        if scheme in ("mailto", "tel", "data"):
            return
        url = urljoin(resolve_from or source, value)
        link = Link(source, raw, url)
        self.links_checked += 1
        target, fragment = urldefrag(url)
        parts = urlsplit(target)
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.external.add(target)
            return
        if not parts.path.startswith(self.prefix):
            self.problems.append(f"{source}: link {raw!r} leaves {self.prefix} (goes to {parts.path})")
            return
        written = urlsplit(value).path
        names_folder = written.endswith("/") or written.split("/")[-1] in (".", "..")
        if not scheme and not written.startswith("/") and not is_404 and names_folder:
            self.problems.append(
                f"{source}: link {raw!r} names a folder, not a file (breaks from file://)"
            )
        if fragment:
            self.fragments.append((target, unquote(fragment), link))
        self.enqueue(target, link)

    def enqueue(self, url, link):
        if url not in self.seen:
            self.seen.add(url)
            self.queue.append((url, link))

    def crawl(self):
        start = Link("(start)", "index.html", self.base + "index.html")
        self.enqueue(start.url, start)
        sitemap = self.fetch(self.base + "sitemap.xml")
        if sitemap.status == 200:
            self.fetched[self.base + "sitemap.xml"] = sitemap
            for loc in sitemap.links:
                self.add_link(self.base + "sitemap.xml", loc)
        self.crawl_queue()
        self.check_404()
        self.crawl_queue()
        self.check_fragments()

    def crawl_queue(self):
        while self.queue:
            if len(self.fetched) >= self.max_urls:
                self.problems.append(f"stopped after {self.max_urls} URLs: is the site generating links?")
                self.queue.clear()
                return
            url, link = self.queue.popleft()
            result = self.fetch(url)
            self.fetched[url] = result
            if result.status != 200:
                why = f"HTTP {result.status}" if result.status else result.error
                self.problems.append(f"{link.source}: broken link {link.raw!r} -> {url} ({why})")
                continue
            for raw in result.links:
                self.add_link(url, raw)

    def check_404(self):
        """Reads 404.html as a host serves it: at a missing, nested path."""
        url = self.base + "404.html"
        result = self.fetched.get(url) or self.fetch(url)
        self.fetched[url] = result
        self.seen.add(url)
        if result.status != 200:
            self.problems.append(f"{url}: HTTP {result.status or result.error}")
            return
        for missing in MISSING_PATHS:
            served_at = self.base + missing
            source = f"404.html served at {served_at}"
            for raw in result.links:
                if raw.startswith("#"):
                    # Same document: the 404 page itself, whatever the URL.
                    fragment = unquote(raw[1:])
                    if fragment and fragment not in result.ids and fragment != "top":
                        self.problems.append(f"{source}: link {raw!r}: no such id in 404.html")
                    continue
                self.add_link(source, raw, resolve_from=served_at, is_404=True)

    def check_fragments(self):
        for target, fragment, link in self.fragments:
            page = self.fetched.get(target)
            if page is None or page.status != 200:
                continue  # already reported as a broken link
            if page.content_type != "text/html":
                continue
            if fragment not in page.ids and fragment != "top":
                self.problems.append(
                    f"{link.source}: link {link.raw!r}: no id {fragment!r} in {target}"
                )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="URL of the site's root, ending in /")
    parser.add_argument("--max-urls", type=int, default=20000)
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()

    crawler = Crawler(args.base, args.max_urls, args.timeout)
    crawler.crawl()
    pages = sum(1 for f in crawler.fetched.values() if f.content_type == "text/html")
    print(
        f"crawled {len(crawler.fetched)} URLs under {crawler.base} ({pages} HTML pages); "
        f"checked {crawler.links_checked} links and {len(crawler.fragments)} fragments; "
        f"{len(crawler.external)} external URLs not fetched"
    )
    if crawler.problems:
        unique = list(dict.fromkeys(crawler.problems))
        for problem in unique[:100]:
            print(f"  {problem}")
        if len(unique) > 100:
            print(f"  ... and {len(unique) - 100} more")
        print(f"crawl: {len(unique)} problem(s)")
        return 1
    print("crawl: no broken links")
    return 0


if __name__ == "__main__":
    sys.exit(main())
