"""Rules for new people in charge: the gap asked beside a need and a stock in a typed table, in a formal letter that
points back at its own numbered point, or in English naming the receiver; a stock bounded from below ("300 plus");
the ask of a Singlish writer who drops the subject ("can send 2k pcs or not?"). Each test is a short mail with
other words and figures."""

from __future__ import annotations

from tests.reader.conftest import mail

TANA_TIDUNG = "Operator SIAK <disdukcapil@tanatidungkab.example>"
NUNUKAN = "Kepala Dinas <disdukcapil@nunukankab.example>"
TARAKAN = "Operator Tarakan <disdukcapil@tarakankota.example>"

NEED_TABLE = """Yth. Disdukcapil Provinsi,

Rincian blangko KTP-el kami untuk triwulan IV:

+---------------------------+----------+
| Uraian                    |   Jumlah |
+---------------------------+----------+
| Kebutuhan Okt-Des         |     2400 |
| Stok per 30/09/2027       |      650 |
{extra}+---------------------------+----------+

{ask}

Salam,
Operator SIAK"""


def test_the_gap_asked_beside_a_need_and_stock_in_a_typed_table_is_the_need_less_the_stock() -> None:
    read = mail(TANA_TIDUNG, "Kebutuhan blangko triwulan IV",
                NEED_TABLE.format(extra="", ask="Mohon bantuan dikirimkan kekurangannya, terima kasih."))
    assert read["kind"] == "request"
    assert (read["requested"], read["stock_on_hand"]) == (1750, 650)


def test_a_typed_table_that_states_the_ask_keeps_it_beside_a_word_of_the_gap() -> None:
    read = mail(TANA_TIDUNG, "Kebutuhan blangko triwulan IV",
                NEED_TABLE.format(extra="| Usulan permohonan         |     1750 |\n",
                                  ask="Mohon kekurangannya dapat dipenuhi."))
    assert (read["requested"], read["stock_on_hand"]) == (1750, 650)


def test_a_typed_table_of_need_and_stock_without_a_word_of_the_gap_asks_the_need() -> None:
    read = mail(TANA_TIDUNG, "Kebutuhan blangko triwulan IV",
                NEED_TABLE.format(extra="", ask="Mohon dapat dikirim sesuai kebutuhan di atas."))
    assert read["requested"] == 2400


LETTER = """Nomor    : 470/118/DKPS-NNK/IX/2027
Perihal  : Permohonan Blangko KTP-el

Dengan hormat,

1. Bahwa kebutuhan blangko KTP-el untuk pelayanan keliling bulan Oktober diperkirakan sebanyak 3.000 (tiga
   ribu) keping, sedangkan sisa blangko pada kami saat ini sebanyak 1.100 (seribu seratus) keping;
2. Kami mohon Bapak/Ibu berkenan memenuhi kekurangan blangko sebagaimana diuraikan pada angka 1 (satu) di atas.

Demikian kami sampaikan, atas perhatiannya diucapkan terima kasih.

Kepala Dinas"""


def test_a_letter_pointing_back_at_its_numbered_point_asks_the_need_less_the_stock() -> None:
    read = mail(NUNUKAN, "Permohonan Blangko KTP-el", LETTER)
    assert (read["requested"], read["stock_on_hand"]) == (1900, 1100)


def test_a_stock_at_a_figure_with_its_unit_is_still_read() -> None:
    read = mail(NUNUKAN, "Laporan stok", "Dengan hormat, sisa blangko KTP-el kami pada angka 45 keping per hari ini.")
    assert read["stock_on_hand"] == 45


def test_the_balance_asked_in_english_with_the_receiver_named_is_the_need_less_the_stock() -> None:
    read = mail(TARAKAN, "Blanks for the school drive",
                "Dear team,\nFor the school drive in October we need 2,600 e-KTP blanks. On hand we have 900 pcs.\n"
                "Could you supply us the balance? Many thanks.")
    assert (read["requested"], read["stock_on_hand"]) == (1700, 900)


def test_a_stock_bounded_from_below_is_no_count() -> None:
    read = mail(TARAKAN, "e-KTP blanks", "Hi all, e-KTP blanks left 450 plus only. Need 2k pcs by Friday, thanks.")
    assert read["requested"] == 2000 and read["stock_on_hand"] is None
    assert any(d["field"] == "stock_on_hand" for d in read["doubts"])


def test_a_figure_plus_another_blanks_figure_is_no_bound() -> None:
    read = mail(TARAKAN, "Stock", "Hi, e-KTP stock 600 plus KIA 250. Thanks.")
    assert read["stock_on_hand"] == 600


def test_a_singlish_ask_without_its_subject_is_a_request() -> None:
    read = mail(TARAKAN, "KIA blanko", "Morning! Can send 1.2k pcs KIA blanko or not? Thanks ah.")
    assert read["kind"] == "request"
    assert (read["item"], read["requested"]) == ("kia", 1200)


def test_a_typo_fixed_in_a_reply_to_a_singlish_ask_stays_a_request() -> None:
    read = mail(TARAKAN, "Re: blanko",
                "Oops typo, should be 800 pcs not 8k.\n\n"
                "On Mon, 4 Oct 2027 at 08:40, Operator Tarakan <disdukcapil@tarakankota.example> wrote:\n"
                "> Hi, can send 8k pcs e-KTP blanko? Left 300 pcs.\n")
    assert read["kind"] == "request"
    assert (read["requested"], read["stock_on_hand"]) == (800, None)


def test_a_singlish_ask_for_approval_without_its_subject_is_a_request() -> None:
    read = mail(TARAKAN, "e-KTP blanko", "Hi Bu, can approve 2.5k pcs e-KTP blanko for Sept? Stock left 700 only.")
    assert read["kind"] == "request"
    assert (read["requested"], read["stock_on_hand"]) == (2500, 700)


def test_the_balance_of_blanks_in_a_daily_line_is_the_stock() -> None:
    read = mail(TARAKAN, "Daily report", "Daily 12/08: rekam 88, cetak 80, balance blanko ± 1,300. Thx")
    assert read["kind"] == "stock_report"
    assert (read["recorded"], read["printed"], read["stock_on_hand"]) == (88, 80, 1300)
