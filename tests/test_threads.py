"""Many threads at once: one load of the bundled data, the same answers as one thread."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import attrs

import ftzinfo
from ftzinfo._store import bundled as _bundled

THREADS = 32


def _at_once(fn, n: int = THREADS) -> list[object]:
    barrier = threading.Barrier(n)

    def run() -> object:
        barrier.wait()
        return fn()

    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(lambda _: run(), range(n)))


def test_first_touch_from_32_threads_loads_once():
    _bundled.clear_cache()
    before = _bundled.load_count()
    try:
        datasets = _at_once(ftzinfo.dataset)
        assert _bundled.load_count() == before + 1
        assert all(ds is datasets[0] for ds in datasets)
    finally:
        _bundled.clear_cache()


def test_first_lookups_from_32_threads_hand_out_one_zone():
    _bundled.clear_cache()
    try:
        zones = _at_once(lambda: ftzinfo.zone("lingang"))
        assert all(z is zones[0] for z in zones)
        assert ftzinfo.dataset().zone("lingang") is zones[0]
    finally:
        _bundled.clear_cache()


def test_concurrent_queries_answer_as_serial_ones():
    def work() -> tuple[object, ...]:
        return (
            ftzinfo.zone("qianhai").id,
            [z.id for z in ftzinfo.search("lingnag")],
            str(ftzinfo.compare("qianhai", "lingang", currency="USD")),
            [[z.id for z, _ in tier] for tier in ftzinfo.rank("area_km2", zones=ftzinfo.zones(kind="pilot_ftz"))],
            len(ftzinfo.metrics("qianhai")),
        )

    serial = work()
    assert all(result == serial for result in _at_once(work))


def test_use_belongs_to_its_thread():
    qianhai = ftzinfo.zone("qianhai")
    mine = ftzinfo.Dataset(zones=[attrs.evolve(qianhai, overlaps=())], sources=ftzinfo.dataset().sources_of(qianhai))
    seen: list[int] = []
    with ftzinfo.use(mine):
        thread = threading.Thread(target=lambda: seen.append(len(ftzinfo.zones())))
        thread.start()
        thread.join()
        assert len(ftzinfo.zones()) == 1
    assert seen == [len(ftzinfo.dataset().zones())]
