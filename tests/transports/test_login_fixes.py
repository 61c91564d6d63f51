"""A login the IMAP server refused is told with the fix its response code names: [PRIVACYREQUIRED] is TLS to set,
[EXPIRED] a password to renew on the server; a wrong name or password is still the name or the password (pure:
mailbot.transports.imap.login_refused)."""

from __future__ import annotations

import pytest
from imapclient.exceptions import LoginError

from mailbot.transports.imap import login_refused

SAID = [
    ("[PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure connections.",
     'the server takes a login only over an encrypted connection: set [inbox] tls = "implicit" (port 993) or tls = '
     '"starttls" (port 143)'),
    ("[EXPIRED] Password expired.", "the password has expired on the server: have a new one set there, and put it in "
                                    "MB_PW"),
    ("[AUTHENTICATIONFAILED] Authentication failed.", "correct [inbox] username or the password in MB_PW"),
]


@pytest.mark.parametrize(("answer", "fix"), SAID, ids=["privacy", "expired", "failed"])
def test_the_fix_is_the_one_the_code_names(answer: str, fix: str) -> None:
    line = login_refused("mail.example:143", "blangko", "MB_PW", LoginError(repr(answer.encode())))
    # was: "correct [inbox] username or the password in MB_PW" for every code
    assert line == (f"the IMAP server mail.example:143 refused the login of blangko ({answer}); {fix}, check with "
                    "`mailbot check-config --connect`, then start mailbot again"), line
