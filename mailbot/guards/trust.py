"""Who sent a message and whether mailbot may act on it unattended: sender lists and mail authentication."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email import errors, policy
from email.message import Message

from publicsuffixlist import PublicSuffixList

from mailbot.guards.decode import address_structure, raw_header_values, recover_bytes
from mailbot.guards.headers import is_addr_spec, safe_display_name
from mailbot.guards.limits import MAX_PARSED_HEADER_CHARS

# Letters and digits drawn alike, folded to one ASCII letter so "bu1ungankab" and
# "bulungаnkab" (Cyrillic а) compare equal to "bulungankab".
# Kept by hand rather than taken from the Unicode TR39 confusables (the `confusables` package,
# 1.2.0): that gives each string a set of readings, one per combination of its ambiguous
# characters, where the lookalike test needs one folded form to compare and to search inside
# (bulungankab-example.com); its prototypes keep case ("0" is "O") while domains are case-free;
# and the package has not been released since 2021. This table covers the characters that can
# stand in a domain label and pass for a Latin letter at mail-client font sizes.
_CONFUSABLES = str.maketrans({
    "0": "o", "1": "l", "i": "l", "|": "l", "5": "s",
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "l", "ї": "l", "ј": "j",
    "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "l", "κ": "k", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w",
    "ı": "l", "ɡ": "g", "ʟ": "l", "ɩ": "l", "ℓ": "l",
})
_DIGRAPHS = (("rn", "m"), ("vv", "w"))
_MIN_KEY_LABEL = 5
_ADDRESS_IN_TEXT_RE = re.compile(r"[^\s<>\"'(),;:]+@[^\s<>\"'(),;:]+")
_KEY_VALUE_RE = re.compile(r"([A-Za-z0-9_.\-/]+)\s*=\s*(\"(?:[^\"\\]|\\.)*\"|[^\s\"]+)")
# RFC 8601 methodspec: method [ "/" version ] "=" result, where method and result are Keywords (ldh-str):
# a quoted result (dmarc="pass") is no result.
_KEYWORD = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_METHOD_NAME_RE = re.compile(r"\s*([A-Za-z0-9-]+)")
_METHODSPEC_RE = re.compile(rf"\s*({_KEYWORD})(?:\s*/\s*\d+)?\s*=\s*({_KEYWORD})(?=\s|$)")


@dataclass(frozen=True)
class AuthResult:
    """One result of an Authentication-Results header: dkim=pass header.d=bulungankab.example."""

    method: str  # "dkim", "spf", "dmarc", ... lowercased, without version
    result: str  # "pass", "fail", "none", ... lowercased
    properties: tuple[tuple[str, str], ...] = ()  # ("header.d", "bulungankab.example"), keys lowercased

    def prop(self, name: str) -> str | None:
        return next((v for k, v in self.properties if k == name), None)


@dataclass(frozen=True)
class AuthenticationResults:
    """A parsed Authentication-Results header (RFC 8601): who checked, and what it found.

    malformed: the result entries that are no result (dmarc="pass": a result is a bare keyword), as written.
    """

    authserv_id: str  # lowercased
    results: tuple[AuthResult, ...]
    malformed: tuple[str, ...] = ()


@dataclass(frozen=True)
class SenderTrust:
    """What mailbot knows about the sender of one message.

    address: the single From address, lowercased, when it is one plain address, else None.
    district: the code of the district whose sender list holds the address, else None. Said
    of the address as written: act on it only when trusted.
    is_manager / on_list: the address is a manager's / on a district's sender list.
    authenticated: what the trusted Authentication-Results header says (DMARC pass, or a DKIM
    pass aligned with the From domain); None when there is no trusted header.
    trusted: mailbot may act on the message automatically.
    reasons: codes for everything that counted against the sender or is worth a look, e.g.
    "two_from_mailboxes", "not_on_list", "lookalike_domain", "dmarc_fail", "dkim_fail",
    "no_trusted_authentication_results", "forged_authentication_results_ignored".
    """

    address: str | None
    district: str | None
    is_manager: bool
    on_list: bool
    authenticated: bool | None
    trusted: bool
    reasons: tuple[str, ...]

    @property
    def domain(self) -> str | None:
        return self.address.rsplit("@", 1)[1] if self.address else None


def assess_sender(
    msg: Message,
    *,
    district_senders: Mapping[str, str],
    manager_addresses: Sequence[str],
    authserv_id: str | None,
    require_authentication: bool,
) -> SenderTrust:
    """Judge the sender of *msg* against the sender lists and the office's own mail server.

    district_senders maps each allowed address to its district code. Only the topmost
    Authentication-Results header whose authserv-id is *authserv_id* is read: the office's
    server adds its header on top, and anything below it came with the message. A message is
    trusted when it has exactly one From mailbox, that address is on a district's list or a
    manager's, no trusted DMARC check failed, and (with *require_authentication*) the trusted
    header shows DMARC pass or a DKIM pass aligned with the From domain. The display name never
    counts: only the address does.

    >>> import email, email.policy
    >>> msg = email.message_from_string(
    ...     'From: "disdukcapil@bulungankab.example" <evil@x.example>\\n\\n', policy=email.policy.default)
    >>> t = assess_sender(msg, district_senders={"disdukcapil@bulungankab.example": "65.01"},
    ...                   manager_addresses=(), authserv_id=None, require_authentication=False)
    >>> t.trusted, t.reasons
    (False, ('display_name_has_address', 'not_on_list'))
    """
    reasons: list[str] = []
    senders = {a.strip().lower(): code for a, code in district_senders.items()}
    managers = {a.strip().lower() for a in manager_addresses}
    address, from_domain = _from_address(msg, reasons)

    district = senders.get(address) if address else None
    on_list = district is not None
    is_manager = address is not None and address in managers
    if from_domain and not on_list and not is_manager:
        known = sorted(senders) + sorted(managers)
        reasons.append("not_on_list")
        if is_lookalike_domain(from_domain, [a.rsplit("@", 1)[1] for a in known]):
            reasons.append("lookalike_domain")
        elif address and _is_lookalike_address(address, known):
            reasons.append("lookalike_address")

    authenticated, failed = _authentication(msg, from_domain, authserv_id, require_authentication, reasons)
    trusted = (
        address is not None
        and (on_list or is_manager)
        and not failed
        and (authenticated is True or not require_authentication)
    )
    return SenderTrust(
        address=address,
        district=district,
        is_manager=is_manager,
        on_list=on_list,
        authenticated=authenticated,
        trusted=trusted,
        reasons=tuple(dict.fromkeys(reasons)),
    )


def parse_authentication_results(value: str) -> AuthenticationResults | None:
    """Parse one Authentication-Results value; None when it names no authserv-id.

    Written here rather than taken from the `authres` package (1.2.0, the RFC 8601 parser, last
    released 2019): authres refuses a quoted authserv-id ("mx.example"; dkim=pass ...) and drops
    a quoted property value (header.d="bulungankab.example"), both valid RFC 8601 and exactly
    what DMARC alignment reads; it raises on a malformed header, where this returns what it can.

    >>> ar = parse_authentication_results(
    ...     "mx.kaltaraprov.example; dkim=pass (good) header.d=bulungankab.example; dmarc=fail")
    >>> ar.authserv_id, [(r.method, r.result, r.prop("header.d")) for r in ar.results]
    ('mx.kaltaraprov.example', [('dkim', 'pass', 'bulungankab.example'), ('dmarc', 'fail', None)])
    """
    parts = _split_outside_quotes(_strip_comments(value), ";")
    head = parts[0].split()
    if not head or "=" in head[0]:
        return None
    results: list[AuthResult] = []
    malformed: list[str] = []
    for part in parts[1:]:
        if not part.strip() or part.strip().lower() == "none":
            continue
        spec = _METHODSPEC_RE.match(part)
        if spec is None:
            malformed.append(" ".join(part.split()))
            continue
        props = tuple(
            (k.lower(), _unquote(v)) for k, v in _KEY_VALUE_RE.findall(part[spec.end():])
            if "." in k and k.lower() != "reason"
        )
        results.append(AuthResult(spec[1].lower(), spec[2].lower(), props))
    # a domain name is the same with or without the root's final dot ("mx.example."), in any case
    return AuthenticationResults(_unquote(head[0]).lower().rstrip("."), tuple(results), tuple(malformed))


def organizational_domain(domain: str) -> str:
    """The organizational domain of *domain* (RFC 7489 3.2): one label more than its public suffix.

    The public suffix comes from the Public Suffix List as shipped in the `publicsuffixlist` package
    (offline; a label the list does not know is a suffix by itself, as its default rule says). A
    domain that is itself a public suffix is its own organizational domain.

    >>> organizational_domain("mail.bulungankab.go.id"), organizational_domain("x.bulungankab.example")
    ('bulungankab.go.id', 'bulungankab.example')
    >>> organizational_domain("mx.dinas.example.com.br")
    'example.com.br'
    """
    name = domain.lower().strip(".")
    return _public_suffix_list().privatesuffix(name) or name


@functools.cache
def _public_suffix_list() -> PublicSuffixList:
    return PublicSuffixList()  # parses the bundled list once, about 0.1 s


def is_lookalike_domain(domain: str, known_domains: Sequence[str]) -> bool:
    """Whether *domain* is made to pass for one of *known_domains* without being it.

    A subdomain of a known organisation is not a lookalike. Caught: the same letters drawn
    with other characters (digits, Cyrillic or Greek letters, punycode), a known domain
    inside a longer one (bulungankab.example.com, bulungankab-example.com), and one edit away
    (bulungamkab.example).
    """
    domain = domain.lower().strip(".")
    own_org = organizational_domain(domain)
    known = {k.lower().strip(".") for k in known_domains}
    if domain in known or own_org in {organizational_domain(k) for k in known}:
        return False
    flat, flat_org = _skeleton(domain), _skeleton(own_org)
    for k in known:
        org = organizational_domain(k)
        k_flat, k_org = _skeleton(k), _skeleton(org)
        key = _skeleton(org.split(".", 1)[0])
        if flat == k_flat or flat_org == k_org or k_org in flat:
            return True
        if len(key) >= _MIN_KEY_LABEL and key in flat:
            return True
        if len(k_org) >= 6 and _within_one_edit(flat_org, k_org):
            return True
    return False


def _from_address(msg: Message, reasons: list[str]) -> tuple[str | None, str | None]:
    """The one From address (or None) and its domain (kept for the lookalike check)."""
    values = [recover_bytes(v) for v in raw_header_values(msg, "From")]
    if not values:
        reasons.append("no_from")
        return None, None
    if len(values) > 1:
        reasons.append("multiple_from_headers")
    mailboxes: list[str] = []
    for value in values:
        if len(value) > MAX_PARSED_HEADER_CHARS:  # no one's From: its parse alone would take seconds
            reasons.append("malformed_from")
            continue
        # Encoded words only stand in names and comments; a plain word in their place keeps
        # the structure the way a mail client sees it (see headers.parse_mailboxes).
        parsed = _parsed_from(address_structure(value))
        if parsed is None:
            reasons.append("malformed_from")
            continue
        group, defective, addr_specs = parsed
        if group:
            reasons.append("from_group")
        if defective:
            reasons.append("malformed_from")
        mailboxes += addr_specs
    if len(mailboxes) > 1:
        reasons.append("two_from_mailboxes")
    if len(mailboxes) != 1:
        if not mailboxes:
            reasons.append("no_from_mailbox")
        return None, None
    written = mailboxes[0]
    addr_spec = written.lower()
    domain = addr_spec.rsplit("@", 1)[1] if "@" in addr_spec else None
    display_name = safe_display_name(values[0], max_len=998)
    if any(a.lower() != addr_spec for a in _ADDRESS_IN_TEXT_RE.findall(display_name)):
        reasons.append("display_name_has_address")
    # judged as written: lower-casing turns some letters into ASCII ones (the Kelvin sign U+212A into "k")
    if not written.isascii():
        reasons.append("non_ascii_address")
    elif not is_addr_spec(addr_spec):
        reasons.append("invalid_from_address")
    if len(values) > 1 or "malformed_from" in reasons or "from_group" in reasons or not written.isascii():
        return None, domain
    return (addr_spec if is_addr_spec(addr_spec) else None), domain


@functools.lru_cache(maxsize=256)
def _parsed_from(value: str) -> tuple[bool, bool, tuple[str, ...]] | None:
    """What the header parser makes of one From value: (a group is named in it, a defect beyond the obsolete
    syntax, its addr-specs); None when it refuses the value. Kept per value: a desk's senders write from the
    same few From lines, and parsing one costs more than the rest of the sender checks."""
    try:
        header = policy.default.header_factory("From", value)
    except Exception:  # noqa: BLE001 - the header parser has no narrower contract
        return None
    return (any(g.display_name is not None for g in header.groups),
            any(not isinstance(d, errors.ObsoleteHeaderDefect) for d in header.defects),
            tuple(a.addr_spec for a in header.addresses))


def _authentication(
    msg: Message,
    from_domain: str | None,
    authserv_id: str | None,
    require_authentication: bool,
    reasons: list[str],
) -> tuple[bool | None, bool]:
    """(authenticated, failed) from the trusted Authentication-Results header."""
    trusted: AuthenticationResults | None = None
    if authserv_id:
        wanted = authserv_id.strip().lower().rstrip(".")
        for value in raw_header_values(msg, "Authentication-Results"):
            parsed = parse_authentication_results(recover_bytes(value))
            if parsed is None or parsed.authserv_id != wanted:
                continue
            if trusted is None:
                trusted = parsed
            else:
                reasons.append("forged_authentication_results_ignored")
    if trusted is None:
        if authserv_id or require_authentication:
            reasons.append("no_trusted_authentication_results")
        return None, False
    if from_domain is None:
        reasons.append("not_authenticated")
        return False, False

    # A result entry that is no result (dmarc="pass") is not read; one for DMARC or DKIM leaves that check
    # unsure, so no pass of it counts. One check reported twice with different results (DMARC for the From
    # domain; DKIM for one signature) is a contradiction, not a pass: the worst of them counts.
    unreadable = {m[1].lower() for m in map(_METHOD_NAME_RE.match, trusted.malformed) if m}
    if trusted.malformed:
        reasons.append("malformed_authentication_results")
    dmarc: set[str] = set()
    signatures: dict[tuple[str | None, str | None, str | None], set[str]] = {}
    for r in trusted.results:
        if r.method == "dmarc":
            # A DMARC result counts only for the domain it names: one naming none vouches for nothing
            # (every DMARC verifier writes header.from; a bare "dmarc=pass" is a hand-made header).
            header_from = (r.prop("header.from") or "").lower().strip(".")
            if not header_from:
                reasons.append("dmarc_no_domain")
            elif header_from != from_domain:
                reasons.append("dmarc_other_domain")
            else:
                dmarc.add(r.result)
        elif r.method == "dkim":
            signatures.setdefault((_dkim_domain(r), r.prop("header.s"), r.prop("header.b")), set()).add(r.result)
    dmarc_fail = "fail" in dmarc
    dmarc_pass = dmarc == {"pass"}
    dmarc_unsure = len(dmarc) > 1 or "dmarc" in unreadable  # then no DKIM pass stands in for it either
    conflicting = len(dmarc) > 1 and "pass" in dmarc
    dkim_aligned = dkim_unaligned = dkim_aligned_fail = False
    for (signer, _, _), found in signatures.items():
        if found != {"pass"} or "dkim" in unreadable:
            conflicting = conflicting or (len(found) > 1 and "pass" in found)
            dkim_aligned_fail = dkim_aligned_fail or ("fail" in found and bool(signer) and "dkim" not in unreadable
                                                      and _signs_for(str(signer), from_domain))
            continue
        if signer and _signs_for(signer, from_domain):
            dkim_aligned = True
        else:
            dkim_unaligned = True
    if conflicting:
        reasons.append("conflicting_authentication_results")
    if dmarc_fail:
        reasons.append("dmarc_fail")
    # The From domain's own signature failed and nothing else speaks for the domain (no DMARC result, no
    # signature of it that passed): as plain a failure as DMARC's.
    dkim_fail = dkim_aligned_fail and not dmarc and not dkim_aligned
    if dkim_fail:
        reasons.append("dkim_fail")
    authenticated = (dmarc_pass or dkim_aligned) and not dmarc_fail and not dmarc_unsure
    if not authenticated:
        if dkim_unaligned and not dkim_aligned:
            reasons.append("dkim_pass_not_aligned")
        reasons.append("not_authenticated")
    return authenticated, dmarc_fail or dkim_fail


# The reasons that say the office's server checked the mail and the check FAILED (not that it could not check):
# the mail is probably forged.
FAILED_CHECK_REASONS = ("dmarc_fail", "dkim_fail")


def check_failed(reasons: Sequence[str]) -> bool:
    """Whether the sender check *reasons* say a check of the office's server failed (FAILED_CHECK_REASONS).

    >>> check_failed(("dmarc_fail", "not_authenticated")), check_failed(("no_trusted_authentication_results",))
    (True, False)
    """
    return any(r in FAILED_CHECK_REASONS for r in reasons)


def _signs_for(signer: str, from_domain: str) -> bool:
    """Whether a DKIM signature of *signer* vouches for mail From *from_domain*: the From domain itself, or a
    domain above it within its organisation (the regency's own domain signing for its agency's subdomain).

    Stricter than DMARC's relaxed alignment, which takes any domain of the organisation: under one regency's
    domain every agency has its subdomain (dinkes., dishub., a website's), and a signature of one of them must
    not vouch for Disdukcapil's address. The server's DMARC pass, which applies the domain owner's published
    policy, still counts as it is.

    >>> _signs_for("bulungankab.go.id", "disdukcapil.bulungankab.go.id"), _signs_for("Bulungankab.go.id.",
    ...                                                                           "bulungankab.go.id")
    (True, True)
    >>> _signs_for("dinkes.bulungankab.go.id", "bulungankab.go.id")  # an agency's subdomain for the regency
    False
    >>> _signs_for("dinkes.bulungankab.go.id", "disdukcapil.bulungankab.go.id")  # a sibling agency
    False
    >>> _signs_for("go.id", "bulungankab.go.id")  # a public suffix is no organisation
    False
    """
    signer, from_domain = signer.lower().rstrip("."), from_domain.lower().rstrip(".")
    if signer == from_domain:
        return True
    organisation = organizational_domain(from_domain)
    return from_domain.endswith("." + signer) and (signer == organisation or signer.endswith("." + organisation))


def _dkim_domain(result: AuthResult) -> str | None:
    """The signing domain: header.d, a bare domain (RFC 6376 3.5: one with an "@" in it is no domain, and signs
    for nobody), else the domain of header.i, the signing identity ("user@domain" or "@domain").

    >>> [_dkim_domain(AuthResult("dkim", "pass", props)) for props in (
    ...     (("header.d", "Malinaukab.example."),), (("header.i", "@malinaukab.example"),),
    ...     (("header.d", "evil.example@malinaukab.example"),), (("header.d", "@malinaukab.example"),))]
    ['malinaukab.example', 'malinaukab.example', None, None]
    """
    domain = result.prop("header.d")
    if domain is not None:
        domain = domain.lower().strip(".")
        return domain if domain and _DOMAIN_RE.fullmatch(domain) else None
    identity = result.prop("header.i")
    return identity.rsplit("@", 1)[-1].lower().strip(".") or None if identity else None


# A domain name as DKIM's d= tag writes one: labels of letters, digits and hyphens (an A-label for IDN), dots between.
_DOMAIN_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*")


def _is_lookalike_address(address: str, known_addresses: Sequence[str]) -> bool:
    local, domain = address.rsplit("@", 1)
    return any(
        k.rsplit("@", 1)[1] == domain and _skeleton(k.rsplit("@", 1)[0]) == _skeleton(local)
        for k in known_addresses
    )


def _skeleton(text: str) -> str:
    """*text* folded so that strings drawn alike compare equal: "bu1ungаnkab" -> "bulungankab"."""
    labels = []
    for label in text.lower().split("."):
        if label.startswith("xn--"):
            try:
                label = label.encode("ascii").decode("idna")
            except UnicodeError:
                pass
        labels.append(label)
    decomposed = unicodedata.normalize("NFKD", ".".join(labels).lower())
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_CONFUSABLES)
    for pair, single in _DIGRAPHS:
        folded = folded.replace(pair, single)
    return "".join(c for c in folded if c.isascii() and c.isalnum())


def _within_one_edit(a: str, b: str) -> bool:
    """Whether *a* and *b* differ by at most one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        i = diffs[0]
        return len(diffs) == 2 and diffs[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((i for i in range(len(short)) if short[i] != long_[i]), len(short))
    return short[i:] == long_[i + 1:]


def _strip_comments(value: str) -> str:
    """*value* with its (nested) parenthesised comments replaced by a space, quoted strings kept."""
    out: list[str] = []
    depth = 0
    quoted = escaped = False
    for c in value:
        if escaped:
            escaped = False
            if not depth:
                out.append(c)
        elif c == "\\" and (quoted or depth):
            escaped = True
            if not depth:
                out.append(c)
        elif depth:
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if not depth:
                    out.append(" ")
        elif quoted:
            out.append(c)
            quoted = c != '"'
        elif c == "(":
            depth = 1
        else:
            out.append(c)
            quoted = c == '"'
    return "".join(out)


def _split_outside_quotes(value: str, sep: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quoted = escaped = False
    for c in value:
        if escaped:
            escaped = False
        elif c == "\\" and quoted:
            escaped = True
        elif c == '"':
            quoted = not quoted
        elif c == sep and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(c)
    parts.append("".join(current))
    return parts


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return re.sub(r"\\(.)", r"\1", value[1:-1])
    return value
