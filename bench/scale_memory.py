"""Peak resident memory of this process and all its descendants (worker pools, the Spark JVM and its Python workers),
sampled from /proc while a block runs (Linux only; elsewhere it reports this process's max RSS), and the CPU time they
used, by program."""
from __future__ import annotations

import os
import resource
import threading
from pathlib import Path


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _descendants(root: int) -> list[int]:
    tree, out, todo = _children(), [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(tree.get(pid, []))
    return out


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_mb(root: int | None = None) -> float:
    """Resident memory of ``root`` (default: this process) and every descendant, in MB."""
    root = root or os.getpid()
    if not Path("/proc").exists():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return sum(_rss_kb(pid) for pid in _descendants(root)) / 1024


def tree_cpu_seconds(root: int | None = None) -> dict[str, float]:
    """CPU seconds (user + system, with the finished children each process waited for) used so far by ``root``
    (default: this process, as ``"self"``) and its descendants, summed by program name (``java``, ``python`` …).
    Linux only (empty elsewhere). CPU time is steadier than wall time on a shared machine, though not immune to it."""
    root = root or os.getpid()
    if not Path("/proc").exists():
        return {}
    tick, used = os.sysconf("SC_CLK_TCK"), {}
    for pid in _descendants(root):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        name = "self" if pid == root else stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat.rsplit(")", 1)[1].split()
        used[name] = used.get(name, 0.0) + sum(int(f) for f in fields[11:15]) / tick
    return used


class PeakMemory:
    """``with PeakMemory() as m: ...`` then ``m.peak_mb``: the highest tree RSS seen (sampled every ``interval`` s)."""

    def __init__(self, interval: float = 0.25):
        self.interval = interval
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, tree_rss_mb())
            self._stop.wait(self.interval)

    def __enter__(self) -> "PeakMemory":
        self.peak_mb = tree_rss_mb()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_mb = max(self.peak_mb, tree_rss_mb())
