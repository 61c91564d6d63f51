"""A person's decision on a request from an address on no district's list, by the command line: the decision is
written to that sender, who wrote it, never to the district's office as a reply of a mail it never wrote; the
district's listed addresses are sent a notice of their own of an approval and a dispatch, and the command's line
says both."""

from __future__ import annotations

from pathlib import Path

from tests.desk.conftest import EXAMPLES, mailbot
from tests.desk.mailkit import run_once, sent_mail

UNLISTED = "budi.capil.nunukan@gmail.example"  # examples/inbox: a request naming Nunukan from a private address
NUNUKAN = ["disdukcapil@nunukankab.example", "capil.nunukan@nunukankab.example"]


def test_an_approval_of_an_unlisted_senders_request_goes_to_its_writer_and_a_notice_to_the_district(
        desk_dir: Path) -> None:
    run_once(desk_dir, *sorted(EXAMPLES.glob("*.eml")))
    [reference] = [line.split()[1] for line in mailbot(desk_dir, "requests").stdout.splitlines()
                   if "budi.capil" in line]
    before = {s.path for s in sent_mail(desk_dir)}
    approved = mailbot(desk_dir, "approve", reference, "--quantity", "3.000", "--force", "--reason", "dicek telepon")
    assert approved.returncode == 0, approved.stderr
    assert (f"the request's sender ({UNLISTED}) is on none of the district's lists: the decision was written to "
            "that sender, and the district's listed address(es) (disdukcapil@nunukankab.example, "
            "capil.nunukan@nunukankab.example) were sent a separate notice of the request made in its name"
            ) in approved.stdout, approved.stdout
    # (the managers are told apart that the request they were asked about was decided by hand)
    new = [s for s in sent_mail(desk_dir) if s.path not in before and reference in s.subject
           and "Sudah diputuskan" not in s.subject]
    [told] = [s for s in new if s.to == [UNLISTED]]
    assert "DISETUJUI" in told.text and told.in_reply_to is not None, told.subject
    [office] = [s for s in new if s.to == NUNUKAN]
    assert office.in_reply_to is None and not office.subject.startswith("Re:"), office.subject
    assert UNLISTED in office.text and "DISETUJUI sebanyak 3.000 keping" in " ".join(office.text.split())
    dispatched = mailbot(desk_dir, "dispatch", reference)
    assert dispatched.returncode == 0, dispatched.stderr
    later = [s for s in sent_mail(desk_dir) if s.path not in before and reference in s.subject
             and "Sudah diputuskan" not in s.subject]
    assert sorted(tuple(s.to) for s in later) == sorted([(UNLISTED,), tuple(NUNUKAN)] * 2), [s.to for s in later]
