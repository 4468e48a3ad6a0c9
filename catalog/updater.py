"""The terminal's side of catalog updates: check the signed TUF repository (python-tuf's ngclient), download a
new bundle, verify it and install it atomically; any failure keeps the catalog in use and says why in plain words.

Downloads go through `BoundedFetcher`: a server that stalls (sends nothing for `stall_seconds`) or trickles
(a whole check takes longer than `timeout`) is cut off, so a check always ends within a bounded time.
"""

from __future__ import annotations

import contextlib
import http.client
import logging
import re
import shutil
import socket
import ssl
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import SplitResult, urljoin, urlsplit

from tuf.api import exceptions
from tuf.ngclient import FetcherInterface, Updater, UpdaterConfig

from catalog import installed
from catalog.store import CatalogBundleError, CatalogStore

log = logging.getLogger(__name__)

TARGET_NAME = "catalog.sqlite"  # catalog.tuf_repo.TARGET_NAME (not imported: the terminal never needs signing code)
CHUNK = 256 * 1024
MAX_REDIRECTS = 3
USER_AGENT = "kiosk-catalog-updater"


class BoundedFetcher(FetcherInterface):
    """HTTP(S) downloads that give up when the server sends nothing for `stall_seconds` or when everything
    since `start()` took longer than `total_seconds` (a trickling server); honours http(s)_proxy/no_proxy."""

    def __init__(self, stall_seconds: float = 30.0, total_seconds: float = 300.0, user_agent: str = USER_AGENT):
        self.stall_seconds = stall_seconds
        self.total_seconds = total_seconds
        self.user_agent = user_agent
        self._deadline: float | None = None

    def start(self) -> None:
        """Begin the time budget shared by every download until the next start()."""
        self._deadline = time.monotonic() + self.total_seconds

    def _remaining(self, url: str) -> float:
        if self._deadline is None:
            self.start()
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise exceptions.SlowRetrievalError(f"{url}: gave up after {self.total_seconds:g} s in all")
        return left

    def _connection(self, parts: SplitResult, timeout: float) -> tuple[http.client.HTTPConnection, str]:
        """A connection for the URL (through a proxy if the environment names one) and the request target."""
        https = parts.scheme == "https"
        port = parts.port or (443 if https else 80)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        proxy = (
            None if urllib.request.proxy_bypass(parts.hostname or "") else urllib.request.getproxies().get(parts.scheme)
        )
        context = ssl.create_default_context() if https else None
        if proxy:
            p = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
            if not https:  # a plain HTTP proxy is asked for the absolute URL
                return http.client.HTTPConnection(p.hostname, p.port or 80, timeout=timeout), parts.geturl()
            conn = http.client.HTTPSConnection(p.hostname, p.port or 80, timeout=timeout, context=context)
            conn.set_tunnel(parts.hostname, port)
            return conn, target
        if https:
            return http.client.HTTPSConnection(parts.hostname, port, timeout=timeout, context=context), target
        return http.client.HTTPConnection(parts.hostname, port, timeout=timeout), target

    @staticmethod
    def _cut(conn: http.client.HTTPConnection, fired: threading.Event) -> None:
        """The watchdog: end a transfer that outlived the time budget, whatever it is blocked in."""
        fired.set()
        sock = conn.sock
        if sock is not None:
            with contextlib.suppress(OSError):  # already closed: nothing left to cut
                sock.shutdown(socket.SHUT_RDWR)

    def _error(self, exc: BaseException, fired: threading.Event, url: str) -> exceptions.DownloadError:
        if fired.is_set():
            return exceptions.SlowRetrievalError(f"{url}: gave up after {self.total_seconds:g} s in all")
        if isinstance(exc, TimeoutError):
            return exceptions.SlowRetrievalError(f"{url}: nothing received for {self.stall_seconds:g} s")
        return exceptions.DownloadError(f"{url}: {exc}")

    def _fetch(self, url: str) -> Iterator[bytes]:
        for _ in range(MAX_REDIRECTS + 1):
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise exceptions.DownloadError(f"{url}: only http:// and https:// addresses are supported")
            left = self._remaining(url)
            conn, target = self._connection(parts, min(self.stall_seconds, left))
            fired = threading.Event()
            watchdog = threading.Timer(left, self._cut, (conn, fired))
            watchdog.daemon = True
            watchdog.start()
            try:
                conn.request("GET", target, headers={"User-Agent": self.user_agent, "Accept-Encoding": "identity"})
                response = conn.getresponse()
            except (OSError, http.client.HTTPException) as exc:
                watchdog.cancel()
                conn.close()
                raise self._error(exc, fired, url) from exc
            location = response.getheader("Location")
            if response.status in (301, 302, 303, 307, 308) and location:
                watchdog.cancel()
                conn.close()
                url = urljoin(url, location)
                continue
            if response.status != 200:
                watchdog.cancel()
                conn.close()
                if response.status >= 400:
                    raise exceptions.DownloadHTTPError(f"{url}: HTTP {response.status}", response.status)
                raise exceptions.DownloadError(f"{url}: unexpected HTTP {response.status}")
            return self._chunks(url, conn, response, watchdog, fired)
        raise exceptions.DownloadError(f"{url}: more than {MAX_REDIRECTS} redirects")

    def _chunks(
        self,
        url: str,
        conn: http.client.HTTPConnection,
        response: http.client.HTTPResponse,
        watchdog: threading.Timer,
        fired: threading.Event,
    ) -> Iterator[bytes]:
        try:
            while True:
                # read1: whatever has arrived (one receive), so the budget is checked while a server trickles.
                chunk = response.read1(CHUNK)
                if not chunk:
                    if fired.is_set():
                        raise exceptions.SlowRetrievalError(f"{url}: gave up after {self.total_seconds:g} s in all")
                    return
                yield chunk
                self._remaining(url)
        except (OSError, http.client.HTTPException) as exc:
            raise self._error(exc, fired, url) from exc
        finally:
            watchdog.cancel()
            conn.close()


@dataclass(frozen=True)
class UpdateResult:
    """The outcome of one check."""

    status: str  # "current" | "installed" | "failed"
    version: str  # the catalog in use after the check ("" when none is installed)
    previous: str  # the catalog in use before the check
    error: str = ""  # why it failed, in plain words
    took_ms: float = 0.0
    path: str = ""  # the bundle to open after the check

    def as_json(self) -> dict[str, object]:
        """The result as a JSON-ready dict."""
        return asdict(self)


class _Refused(Exception):
    """A downloaded bundle that passed TUF's checks but is not what its signed entry describes."""


class _NoTrustedRoot(Exception):
    """The terminal has no readable trusted root: nothing can be verified."""


# The rollback checks of ngclient say "must be >=" (timestamp, snapshot) or "Expected targets.json version"
# (a snapshot naming an older targets); the others mean files of different publications served together.
_ROLLBACK = re.compile(r"must be >=|Expected \S+\.json version")


def explain(exc: BaseException, phase: str) -> str:
    """A plain-words reason for a failed check, naming the kind of attack it looks like."""
    detail = str(exc) or type(exc).__name__
    if phase == "trust" and isinstance(exc, exceptions.RepositoryError):
        return f"the terminal's trusted root is not valid root metadata ({detail}): reinstall it"
    if isinstance(exc, exceptions.ExpiredMetadataError):
        return (f"the update server's signed catalog list has expired ({detail}): it was not re-signed in time, or "
                "someone keeps serving old files to hide newer catalogs (freeze attack)")  # fmt: skip
    if isinstance(exc, exceptions.BadVersionNumberError):
        if _ROLLBACK.search(detail):
            return (f"the update server offered older signed files than this terminal has already seen ({detail}): "
                    "a rollback attack, or a server restored from an old copy")  # fmt: skip
        return (f"the update server's signed files belong to different publications ({detail}): a mix-and-match "
                "attack, or a publication copied only in part")  # fmt: skip
    if isinstance(exc, exceptions.UnsignedMetadataError):
        return (f"a file from the update server is not validly signed by the keys this terminal trusts ({detail}): "
                "it was changed after signing or signed with a wrong key")  # fmt: skip
    if isinstance(exc, exceptions.LengthOrHashMismatchError):
        if phase == "download":
            return (f"the downloaded catalog does not match the size and hash it was signed with ({detail}): it was "
                    "tampered with or damaged on the way")  # fmt: skip
        return f"a metadata file does not match the hash signed for it ({detail}): files were changed or mixed"
    if isinstance(exc, exceptions.RepositoryError):
        return f"the update server's signed files are not valid ({detail})"
    if isinstance(exc, exceptions.DownloadLengthMismatchError):
        return (f"the update server sent more data than was signed for ({detail}): the download was cut off "
                "(endless-data attack or a broken server)")  # fmt: skip
    if isinstance(exc, exceptions.SlowRetrievalError):
        return f"the update server stalled or sent too slowly ({detail}): gave up (slow-retrieval attack or a bad link)"
    if isinstance(exc, exceptions.DownloadHTTPError):
        return f"the update server answered with an error ({detail})"
    if isinstance(exc, exceptions.DownloadError):
        return f"cannot reach the update server ({detail})"
    if isinstance(exc, _NoTrustedRoot):
        return detail
    if isinstance(exc, _Refused | CatalogBundleError):
        return f"the downloaded catalog was refused: {detail}"
    if isinstance(exc, OSError):
        return f"cannot store the update on this terminal ({detail})"
    return f"the update check failed unexpectedly ({type(exc).__name__}: {detail})"


class CatalogUpdater:
    """Checks the repository at `repo_url` (its `metadata/` and `targets/` folders) and installs new bundles into
    `bundles_dir`; `trusted_root` is the root metadata shipped with the terminal (bytes or a file)."""

    def __init__(
        self,
        metadata_dir: Path,
        repo_url: str,
        bundles_dir: Path,
        trusted_root: bytes | Path,
        timeout: float = 300.0,
        stall_seconds: float = 30.0,
        target_name: str = TARGET_NAME,
    ):
        self.metadata_dir = Path(metadata_dir)
        self.repo_url = repo_url if repo_url.endswith("/") else repo_url + "/"
        self.bundles_dir = Path(bundles_dir)
        self.trusted_root = trusted_root
        self.timeout = timeout
        self.stall_seconds = min(stall_seconds, timeout)
        self.target_name = target_name

    def _root_bytes(self) -> bytes:
        if isinstance(self.trusted_root, bytes):
            return self.trusted_root
        try:
            return Path(self.trusted_root).read_bytes()
        except OSError as exc:
            raise _NoTrustedRoot(
                f"the terminal's trusted root {self.trusted_root} cannot be read ({exc.strerror or exc}): "
                "install the repository's 1.root.json there"
            ) from exc

    def check(self) -> UpdateResult:
        """Refresh the signed metadata; download, verify and install a new bundle if there is one."""
        started = time.perf_counter()
        before = installed.resolve_bundle(self.bundles_dir)
        was = before.version if before else ""
        phase = "trust"

        def result(status: str, after: installed.InstalledBundle | None, error: str = "") -> UpdateResult:
            took = round((time.perf_counter() - started) * 1000, 1)
            version, path = (after.version, str(after.path)) if after else ("", "")
            return UpdateResult(status, version, was, error, took, path)

        try:
            updater = self._updater()
            phase = "metadata"
            updater.refresh()
            info = updater.get_targetinfo(self.target_name)
            if info is None:
                return result("failed", before, "the update server has no catalog published yet")
            sha, custom = info.hashes.get("sha256", ""), info.custom or {}
            version = str(custom.get("version") or "") if isinstance(custom, dict) else ""
            if not sha or not version:
                return result("failed", before, "the signed catalog entry lacks its version or SHA-256")
            if before is not None and before.sha256 == sha:
                return result("current", before)
            phase = "download"
            path = updater.find_cached_target(info) or updater.download_target(info)
            phase = "verify"
            self._verify(Path(path), version, custom)
            after = installed.install(self.bundles_dir, Path(path), version, sha256=sha, move=True)
            log.info("catalog %s installed (was %s)", version, was or "none")
            return result("installed", after)
        except Exception as exc:  # every failure keeps the current catalog; the reason goes to the technician
            log.debug("catalog check failed", exc_info=True)
            if phase == "verify":
                shutil.rmtree(self.bundles_dir / ".incoming", ignore_errors=True)
            return result("failed", before, explain(exc, phase))

    def _updater(self) -> Updater:
        fetcher = BoundedFetcher(self.stall_seconds, self.timeout)
        fetcher.start()
        self.metadata_dir.mkdir(parents=True, exist_ok=True)
        self.bundles_dir.mkdir(parents=True, exist_ok=True)
        return Updater(
            str(self.metadata_dir),
            self.repo_url + "metadata/",
            str(self.bundles_dir / ".incoming"),  # same file system as the bundles: installing is a rename
            self.repo_url + "targets/",
            fetcher=fetcher,
            config=UpdaterConfig(app_user_agent=USER_AGENT),
            bootstrap=self._root_bytes(),
        )

    @staticmethod
    def _verify(path: Path, version: str, custom: dict) -> None:
        """The bundle opens as a catalog and is the version (and item count) its signed entry says."""
        with CatalogStore(path) as store:
            if store.version != version:
                raise _Refused(f"it says version {store.version} but its signed entry says {version}")
            items = custom.get("items")
            if items is not None and str(store.meta.get("item_count")) != str(items):
                raise _Refused(f"it holds {store.meta.get('item_count')} items but its signed entry says {items}")
