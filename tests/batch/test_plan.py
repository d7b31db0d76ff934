"""Partitions of article files: in input order, shrinking as the job goes, every file once."""
from __future__ import annotations

from onrecord.batch.job import ARTICLES_PER_PART, MIN_GROUP, groups, plan


def _files(tmp_path, sizes):
    paths = []
    for i, n in enumerate(sizes):
        p = tmp_path / f"{i:03d}.txt"
        p.write_text("Word. " * n)
        paths.append(str(p))
    return paths


def test_groups_keep_order_and_shrink(tmp_path):
    paths = _files(tmp_path, [100] * 200)
    got = groups(paths, workers=2)
    assert [f for g in got for f in g] == paths
    assert all(len(g) <= ARTICLES_PER_PART for g in got)
    assert all(len(g) >= MIN_GROUP for g in got[:-1])
    assert len(got[0]) > len(got[-1]) and len(got) > 4 * 2


def test_long_articles_make_smaller_groups(tmp_path):
    paths = _files(tmp_path, [2000] * 10 + [50] * 90)
    first = groups(paths, workers=2)[0]
    assert len(first) < 20 and all(p in paths[:10] for p in first)


def test_a_missing_file_still_gets_a_partition(tmp_path):
    paths = _files(tmp_path, [100] * 5) + [str(tmp_path / "gone.txt")]
    assert [f for g in groups(paths, workers=1) for f in g] == paths


def test_plan_numbers_the_groups(tmp_path):
    _files(tmp_path, [100] * 40)
    units = plan([str(tmp_path)], workers=2)
    assert [u.part for u in units] == list(range(len(units)))
    assert sum(len(u.files) for u in units) == 40
