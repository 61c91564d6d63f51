"""A person's decision on a request from an address on no district's list is told to the district's listed
addresses, never to that address (perhaps a forgery in the district's name)."""

from __future__ import annotations

from pathlib import Path

from tests.desk.conftest import EXAMPLES, mailbot
from tests.desk.mailkit import run_once, sent_mail

UNLISTED = "budi.capil.nunukan@gmail.example"  # examples/inbox: a request naming Nunukan from a private address
NUNUKAN = ["disdukcapil@nunukankab.example", "capil.nunukan@nunukankab.example"]


def test_an_approval_of_an_unlisted_senders_request_goes_to_the_districts_listed_addresses(desk_dir: Path) -> None:
    run_once(desk_dir, *sorted(EXAMPLES.glob("*.eml")))
    [reference] = [line.split()[1] for line in mailbot(desk_dir, "requests").stdout.splitlines()
                   if "budi.capil" in line]
    before = {s.path for s in sent_mail(desk_dir)}
    approved = mailbot(desk_dir, "approve", reference, "--quantity", "3.000", "--force", "--reason", "dicek telepon")
    assert approved.returncode == 0, approved.stderr
    assert ("the district was told (mail sent to disdukcapil@nunukankab.example, capil.nunukan@nunukankab.example); "
            "written to the district's listed address(es), not to the request's sender") in approved.stdout, \
        approved.stdout
    # (the managers are told apart that the request they were asked about was decided by hand)
    [told] = [s for s in sent_mail(desk_dir) if s.path not in before and reference in s.subject
              and "Sudah diputuskan" not in s.subject]
    assert told.to == NUNUKAN and UNLISTED not in told.raw.decode(), told.to
    assert reference in told.subject and "DISETUJUI" in told.text and told.in_reply_to is None
    dispatched = mailbot(desk_dir, "dispatch", reference)
    assert dispatched.returncode == 0, dispatched.stderr
    later = [s for s in sent_mail(desk_dir) if s.path not in before and reference in s.subject
             and "Sudah diputuskan" not in s.subject]
    assert len(later) == 2 and all(s.to == NUNUKAN for s in later), [s.to for s in later]
