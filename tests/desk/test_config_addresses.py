"""Addresses in config.toml that no mail could be sent to, two districts of one name:
refused by `check-config` in one line naming the key and the fix; and a notice with no address mail can go to is
logged, never dropped in silence."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from mailbot.desk import Desk
from mailbot.outgoing import queue
from tests.desk.conftest import mailbot

MANAGERS = 'managers = ["kadis@disdukcapil.kaltaraprov.example", "kabid.piak@disdukcapil.kaltaraprov.example"]'
OPERATOR = 'operator = "operator.blangko@disdukcapil.kaltaraprov.example"'
SENDER = 'senders = ["disdukcapil@malinaukab.example"]'
ADDRESS = 'address = "blangko@disdukcapil.kaltaraprov.example"'

FORMS = [
    ("mailto", "mailto:{a}", "starts with 'mailto:', which belongs to a link, not to the address; write '{a}'"),
    ("trailing-dot", "{a}.", "ends with a dot, which no mail can be sent to; write '{a}'"),
    ("ip-literal", "{local}@[127.0.0.1]", "names a server's IP address in [] instead of a domain"),
    ("two-dots", "{local}..x@{domain}", "is not an address mail can be sent to"),
]
KEYS = [
    ("managers", MANAGERS, "kadis@disdukcapil.kaltaraprov.example", "office.managers[0]"),
    ("operator", OPERATOR, "operator.blangko@disdukcapil.kaltaraprov.example", "office.operator"),
    ("sender", SENDER, "disdukcapil@malinaukab.example", "[[districts]] 65.02 Kabupaten Malinau: senders[0]"),
    ("address", ADDRESS, "blangko@disdukcapil.kaltaraprov.example", "office.address"),
]


@pytest.mark.parametrize(("form", "expected"), [(f, x) for _, f, x in FORMS], ids=[i for i, _, _ in FORMS])
@pytest.mark.parametrize(("line", "address", "key"), [(line, a, k) for _, line, a, k in KEYS],
                         ids=[i for i, _, _, _ in KEYS])
def test_an_address_no_mail_could_reach_is_refused(desk_dir: Path, form: str, expected: str, line: str,
                                                    address: str, key: str) -> None:
    """Were ok; then no mail to a manager was ever queued (6 outbox rows of 11, alerts recorded as raised, "digest
    queued; mail sent: 0"), or every reply went out From <mailto:...>."""
    local, domain = address.split("@")
    written = form.format(a=address, local=local, domain=domain)
    path = desk_dir / "config.toml"
    text = path.read_text()
    path.write_text(text.replace(line, line.replace(address, written, 1), 1))
    result = mailbot(desk_dir, "check-config")
    assert result.returncode == 2, (result.stdout, result.stderr)
    [problem] = result.stderr.strip().splitlines()
    assert f"{key}: " in problem and expected.format(a=address) in problem, problem


def test_the_run_refuses_it_too(desk_dir: Path) -> None:
    path = desk_dir / "config.toml"
    path.write_text(path.read_text().replace(MANAGERS, MANAGERS.replace('["kadis', '["mailto:kadis'), 1))
    result = mailbot(desk_dir, "run", "--once")
    assert result.returncode == 2 and "office.managers[0]: starts with 'mailto:'" in result.stderr, result.stderr
    assert not (desk_dir / "var" / "mailbot.db").exists()


@pytest.mark.parametrize("address", ["kadis+stok@disdukcapil.kaltaraprov.example", "Kadis@Disdukcapil.Example",
                                     "o'brien@x-y.example", "kadis_piak@disdukcapil.kaltaraprov.example"])
def test_plain_addresses_stay_accepted(desk_dir: Path, address: str) -> None:
    path = desk_dir / "config.toml"
    path.write_text(path.read_text().replace(MANAGERS, f'managers = ["{address}"]', 1))
    result = mailbot(desk_dir, "check-config")
    assert result.returncode == 0, result.stderr


def test_a_notice_with_no_address_to_go_to_is_logged_once(open_test_desk: Callable[..., Desk],
                                                          caplog: pytest.LogCaptureFixture) -> None:
    """Queueing gave up in silence on an address it could not send to: the notice was lost with exit 0."""
    desk = open_test_desk()
    caplog.set_level(logging.ERROR, logger="mailbot.outgoing")
    for _ in range(2):
        with desk.sessions() as session:
            queued = queue(session, desk, purpose="alert:test-unaddressed", category="alert", template="alert.txt.j2",
                           to=["mailto:kadis@disdukcapil.kaltaraprov.example"], body=None,
                           context={"title": "t", "lines": []})
        assert queued.outbox_id is None
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1, errors
    assert "not queued: the alert 't' has no address mail can be sent to" in errors[0]  # not its purpose's code
    assert "mailto:kadis@disdukcapil.kaltaraprov.example" in errors[0]


@pytest.mark.parametrize("name", ["Kabupaten Bulungan", "KABUPATEN  BULUNGAN"])
def test_two_districts_of_one_name_are_refused(desk_dir: Path, name: str) -> None:
    """Were accepted; `adjust "Kabupaten Bulungan"` then booked at 65.01 with no word of 65.02."""
    path = desk_dir / "config.toml"
    path.write_text(path.read_text().replace('name = "Kabupaten Malinau"', f'name = "{name}"', 1))
    result = mailbot(desk_dir, "check-config")
    assert result.returncode == 2, (result.stdout, result.stderr)
    [problem] = result.stderr.strip().splitlines()
    assert f"districts: district name '{' '.join(name.split())}' is given to both 65.01 and 65.02" in problem, problem
