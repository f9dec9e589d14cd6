"""Fetching one URL, bounded: a total deadline, a size cap, no retries where a retry cannot help.

:func:`get` streams the answer and stops as soon as it is known to be useless:

- more than ``max_bytes`` (announced by Content-Length, or counted while streaming): E075;
- no complete answer within ``deadline`` seconds from the first try, whatever the server does
  (never answers, sends a byte a second, keeps failing and being retried): E076;
- a content type that is neither a web page, text nor a feed (a PDF, an image), seen in the
  headers before the body is read, or in the body's first bytes: E077;
- a redirect loop (more than ``max_redirects`` redirects): E078, not retried;
- an HTTP error: E071 (4xx at once; 429 and 5xx after ``retries`` more tries with backoff);
- a connection that fails: E070 after ``retries`` more tries.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from comity._version import __version__
from comity.errors import InputError
from comity.io.read import kind_of

USER_AGENT = f"comity/{__version__} (news event coder; +https://pypi.org/project/comity/)"
READABLE = ("html", "xml", "rss", "atom", "rdf")  # besides text/*: pages and feeds


@dataclass(frozen=True)
class Fetcher:
    """HTTP settings: timeout of one read or connection (seconds), retries after the first try,
    backoff base (seconds), total deadline per URL (seconds), largest answer (bytes), redirects."""

    timeout: float = 20.0
    retries: int = 3
    backoff: float = 0.5
    user_agent: str = USER_AGENT
    deadline: float = 60.0
    max_bytes: int = 20_000_000
    max_redirects: int = 10

    def client(self):
        import httpx

        return httpx.Client(timeout=httpx.Timeout(self.timeout, connect=min(self.timeout, 10.0)),
                            follow_redirects=True, max_redirects=self.max_redirects,
                            headers={"User-Agent": self.user_agent})


class _Again(Exception):
    """A failure worth another try (carries the error to report if none succeeds)."""

    def __init__(self, error: InputError) -> None:
        super().__init__(error.message)
        self.error = error


def readable(content_type: str) -> bool:
    """True for a web page, text or a feed (or no content type at all: the body decides)."""
    kind = content_type.split(";")[0].strip().lower()
    return not kind or kind.startswith("text/") or any(word in kind for word in READABLE)


def _too_large(url: str, fetcher: Fetcher, size: int | None = None) -> InputError:
    said = f" ({size:,} bytes)" if size else ""
    return InputError("E075", f"{url}: the answer is too large{said}; the limit is {fetcher.max_bytes:,} "
                      "bytes (Fetcher.max_bytes); not read")


def _late(url: str, fetcher: Fetcher) -> InputError:
    return InputError("E076", f"{url}: no complete answer within {fetcher.deadline:g} s "
                      "(Fetcher.deadline); given up")


def _wrong_type(url: str, content_type: str, kind: str | None = None) -> InputError:
    what = content_type.split(";")[0].strip() or "an unnamed type"
    return InputError("E077", f"{url}: the answer is {kind or what} ({what}), not a web page or text; "
                      "comity reads HTML pages, plain text and RSS/Atom feeds")


def get(client, url: str, fetcher: Fetcher) -> tuple[bytes, str, str]:
    """(body, content type, final URL) of ``url``, within the deadline and the size cap."""
    end = time.monotonic() + fetcher.deadline
    last: InputError | None = None
    tries = 0
    for attempt in range(fetcher.retries + 1):
        pause = fetcher.backoff * 2 ** (attempt - 1) if attempt else 0.0
        if time.monotonic() + pause >= end:
            raise _late(url, fetcher)
        time.sleep(pause)
        tries += 1
        try:
            return _once(client, url, fetcher, end)
        except _Again as again:
            last = again.error
    assert last is not None
    raise InputError(last.code, f"{last.message} (after {tries} tries)")


def _once(client, url: str, fetcher: Fetcher, end: float) -> tuple[bytes, str, str]:
    import httpx

    left = end - time.monotonic()
    timeout = httpx.Timeout(min(fetcher.timeout, left), connect=min(fetcher.timeout, 10.0, left))
    try:
        with client.stream("GET", url, timeout=timeout) as response:
            _check_status(response, url)
            kind = response.headers.get("content-type", "")
            if not readable(kind):
                raise _wrong_type(url, kind)
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > fetcher.max_bytes:
                raise _too_large(url, fetcher, int(length))
            body = _body(response, url, fetcher, end)
            final = str(response.url)
    except httpx.TooManyRedirects as err:
        raise InputError("E078", f"{url}: a redirect loop (more than {fetcher.max_redirects} redirects); "
                         "not retried") from err
    except httpx.InvalidURL as err:
        raise InputError("E070", f"{url}: not a valid URL ({err})") from err
    except httpx.UnsupportedProtocol as err:
        raise InputError("E070", f"{url}: not a web address comity can fetch ({err})") from err
    except httpx.HTTPError as err:
        if time.monotonic() >= end - 0.01:
            raise _late(url, fetcher) from err
        raise _Again(InputError("E070", f"{url}: cannot be reached ({type(err).__name__}: {err})")) from err
    if found := kind_of(body):
        raise _wrong_type(url, kind, found)
    return body, kind, final


def _check_status(response, url: str) -> None:
    status = response.status_code
    if status < 400:
        return
    error = InputError("E071", f"{url}: HTTP {status} {response.reason_phrase}")
    if status == 429 or status >= 500:
        raise _Again(error)
    raise error


def _body(response, url: str, fetcher: Fetcher, end: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > fetcher.max_bytes:
            raise _too_large(url, fetcher)
        if time.monotonic() > end:
            raise _late(url, fetcher)
        chunks.append(chunk)
    return b"".join(chunks)
