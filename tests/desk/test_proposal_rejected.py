"""A rejected shipment proposal of the desk's own (a stock alert's: the district asked for nothing) is no refused
"permohonan": the district hears nothing of it, unless it was told of the shipment before, and then it reads that
the province's planned shipment is called off."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

from tests.desk.conftest import mailbot, outbox_files
from tests.desk.mailkit import sent_mail

PROPOSAL = "BLK-2026-0002"  # the sample desk's stock-alert proposal for Tana Tidung
TANA_TIDUNG = "disdukcapil@tanatidungkab.example"


def _to_district(desk_dir: Path) -> list[str]:
    """The bodies of the mail to Tana Tidung about the proposal."""
    bodies = []
    for path in outbox_files(desk_dir):
        mail = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if TANA_TIDUNG in str(mail["To"]) and PROPOSAL in str(mail["Subject"]):
            bodies.append(" ".join(mail.get_body(preferencelist=("plain",)).get_content().split()))  # type: ignore[union-attr]
    return bodies


def test_a_proposal_the_district_never_heard_of_is_rejected_without_a_mail_to_it(sample: Path) -> None:
    assert _to_district(sample) == []
    rejected = mailbot(sample, "reject", PROPOSAL, "--reason", "stok provinsi dialihkan ke Nunukan")
    assert rejected.returncode == 0, rejected.stderr
    # was: "permohonan blangko KTP-el dengan nomor rujukan BLK-2026-0002 TIDAK DAPAT KAMI SETUJUI" to the district
    assert _to_district(sample) == [], _to_district(sample)
    # the mail sent is the managers' notice that the proposal they were asked about was decided
    assert rejected.stdout.split() == (f"{PROPOSAL}: rejected; mail sent: 1; the district is not written to: it "
                                       "never heard of this proposal of the desk's own").split(), rejected.stdout
    [notice] = [" ".join(m.text.split()) for m in sent_mail(sample) if "Sudah diputuskan oleh petugas" in m.subject]
    assert (f"Usulan pengiriman {PROPOSAL} (Kabupaten Tana Tidung, blangko KTP-el) yang sebelumnya kami sampaikan "
            "untuk diputuskan TIDAK LAGI menunggu keputusan Bapak/Ibu") in notice, notice
    assert "Kabupaten Tana Tidung tidak kami kirimi email karena belum pernah diberi tahu tentang usulan ini." in notice


def test_a_proposal_the_district_was_told_of_is_called_off_in_fitting_words(sample: Path) -> None:
    assert mailbot(sample, "approve", PROPOSAL).returncode == 0
    assert len(_to_district(sample)) == 1  # the district is told of the shipment
    rejected = mailbot(sample, "reject", PROPOSAL, "--reason", "stok provinsi dialihkan ke Nunukan", "--force")
    assert rejected.returncode == 0, rejected.stderr
    told = _to_district(sample)
    called_off = [body for body in told if "Alasan: stok provinsi dialihkan ke Nunukan" in body]
    assert len(told) == 2 and len(called_off) == 1, told
    assert "rencana pengiriman blangko KTP-el dari kami dengan nomor rujukan BLK-2026-0002 DIBATALKAN" in called_off[0]
    assert "Mohon tidak menunggu pengiriman 700 keping tersebut" in called_off[0]
    assert "permohonan" not in called_off[0], called_off[0]


def test_a_managers_tolak_of_an_untold_proposal_says_the_district_was_not_written_to(sample: Path) -> None:
    from tests.desk.mailkit import MANAGERS, run_once, sent_mail, set_guards, write_eml

    set_guards(sample, require_authentication=False)  # the sender lists decide (no mail authentication here)
    [notice] = [s for s in sent_mail(sample) if PROPOSAL in s.subject and sorted(s.to) == sorted(MANAGERS)]
    before = {s.path.name for s in sent_mail(sample)}
    answer = write_eml(sample, "tolak.eml", sender=f"Kepala Dinas <{MANAGERS[0]}>", subject=f"Re: {notice.subject}",
                       body="TOLAK / stok provinsi dialihkan ke Nunukan\n", message_id="<tolak-1@kaltara.example>",
                       extra_headers=f"In-Reply-To: {notice.message_id}\nReferences: {notice.message_id}\n")
    run_once(sample, answer)
    assert _to_district(sample) == []
    [confirm] = [s for s in sent_mail(sample) if s.path.name not in before]
    text = " ".join(confirm.text.split())
    assert "DITOLAK" in text and "kabupaten/kota tidak kami kirimi email" in text, text
    assert "Kabupaten/kota telah kami beri tahu" not in text, text
