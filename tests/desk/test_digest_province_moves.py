"""The managers' digest tells what came into and went out of the province's store otherwise than to the districts:
blanks delivered by the ministry (`mailbot supply receive`) and the store's adjustments by hand (`mailbot adjust
province`), each item apart. Before, only the store's total changed and nothing said why."""

from __future__ import annotations

from pathlib import Path

from tests.desk.conftest import mailbot


def test_the_digest_names_the_ministrys_deliveries_and_the_stores_adjustments(sample: Path) -> None:
    for args in (("supply", "receive", "5.000", "--note", "kiriman Ditjen Dukcapil tahap IV"),
                 ("supply", "receive", "2.000", "--note", "susulan"),
                 ("adjust", "province", "-300", "--reason", "300 keping rusak kena air"),
                 ("adjust", "province", "120", "--reason", "hitung ulang gudang"),
                 ("supply", "receive", "1.500", "--item", "kia", "--note", "kiriman KIA")):
        ran = mailbot(sample, *args)
        assert ran.returncode == 0, (args, ran.stdout, ran.stderr)
    digest = mailbot(sample, "digest", "--print")
    assert digest.returncode == 0, digest.stderr
    text = " ".join(digest.stdout.split())
    assert ("Sejak awal pencatatan: diterima dari pusat 7.000 keping (2 kali); penyesuaian stok +120 dan -300 keping "
            "(2 kali).") in text, digest.stdout
    assert "Sejak awal pencatatan: diterima dari pusat 1.500 keping." in text, digest.stdout
    # the KTP-el line stands in the KTP-el section, the KIA line in the KIA one
    assert text.index("7.000 keping (2 kali)") < text.index("Blangko KIA di kabupaten/kota") \
        < text.index("diterima dari pusat 1.500 keping")


def test_a_digest_with_no_movement_at_the_store_says_nothing_of_it(sample: Path) -> None:
    digest = mailbot(sample, "digest", "--print")
    assert digest.returncode == 0, digest.stderr
    assert "diterima dari pusat" not in digest.stdout and "penyesuaian stok +" not in digest.stdout
