"""Why a mail was not delivered, in the Indonesian of the operator's notices: a mail given up by the outbox and a
bounce. The cause in words; a server's own words are kept apart, quoted as they came, never as the reason."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Enhanced mail system status codes (RFC 3463, with RFC 7505's null MX), by subject and detail ("2.2" of "5.2.2"):
# what the receiving system says of the failure, for whoever must call the district.
_STATUS_MEANINGS: dict[str, str] = {
    "1.0": "ada masalah pada alamat penerima",
    "1.1": "alamat penerima tidak dikenal di server tujuan (kotak suratnya tidak ada)",
    "1.2": "nama domain alamat penerima tidak ada",
    "1.3": "penulisan alamat penerima tidak benar",
    "1.4": "alamat penerima tidak jelas (cocok dengan lebih dari satu kotak surat)",
    "1.6": "kotak surat penerima sudah pindah alamat",
    "1.10": "domain alamat penerima tidak menerima email",
    "2.0": "ada masalah pada kotak surat penerima",
    "2.1": "kotak surat penerima dinonaktifkan dan tidak menerima email",
    "2.2": "kotak surat penerima sudah penuh",
    "2.3": "email melebihi ukuran yang diterima kotak surat penerima",
    "2.4": "daftar milis penerima bermasalah",
    "3.0": "ada masalah pada sistem email tujuan",
    "3.1": "ruang penyimpanan sistem email tujuan penuh",
    "3.2": "sistem email tujuan sedang tidak menerima email",
    "3.4": "email terlalu besar untuk sistem email tujuan",
    "4.0": "ada masalah jaringan atau rute pengiriman",
    "4.1": "server tujuan tidak menjawab",
    "4.2": "sambungan ke server tujuan gagal",
    "4.4": "rute ke server tujuan tidak ditemukan",
    "4.7": "email terlalu lama tertunda sehingga tidak dikirim lagi",
    "5.0": "terjadi kesalahan protokol pengiriman",
    "6.0": "isi email tidak dapat diterima server tujuan",
    "7.0": "pengiriman ditolak oleh kebijakan keamanan server tujuan",
    "7.1": "pengiriman ditolak: server tujuan tidak mengizinkan email ini",
}
# When the detail is not listed, the subject alone says the kind of failure.
_SUBJECT_MEANINGS: dict[str, str] = {
    "1": "ada masalah pada alamat penerima",
    "2": "ada masalah pada kotak surat penerima",
    "3": "ada masalah pada sistem email tujuan",
    "4": "ada masalah jaringan atau rute pengiriman",
    "5": "terjadi kesalahan protokol pengiriman",
    "6": "isi email tidak dapat diterima server tujuan",
    "7": "pengiriman ditolak oleh kebijakan keamanan server tujuan",
}
_STATUS_RE = re.compile(r"(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.]*\d)")


def status_meaning(text: str | None) -> str | None:
    """The meaning of the first enhanced status code in *text* ("5.2.2", "552 5.2.2 Over quota"), in Indonesian;
    a temporary one (4.x.x) says so. None when there is no code.

    >>> status_meaning("5.2.2")
    'kotak surat penerima sudah penuh'
    >>> status_meaning("452 4.3.1 Insufficient system storage")
    'ruang penyimpanan sistem email tujuan penuh (gangguan sementara)'
    >>> status_meaning("Mailbox full") is None
    True
    """
    m = _STATUS_RE.search(text or "")
    if m is None:
        return None
    klass, subject, detail = m.groups()
    said = _STATUS_MEANINGS.get(f"{int(subject)}.{int(detail)}") or _SUBJECT_MEANINGS.get(str(int(subject)))
    if said is None:
        said = "pengiriman gagal"
    return said + (" (gangguan sementara)" if klass == "4" else "")


# What the operator is asked to do about a bounce, by what its status code says failed: the address, the mailbox,
# the mail's size, the office's own sending setup (a policy refusal), a delay the sending server gave up on, or the
# receiving system; the address when the report gives no code.
_ADVICE_ADDRESS = "Mohon periksa alamat tujuan dan hubungi kabupaten/kota yang bersangkutan bila perlu."
_ADVICE_MAILBOX = ("Alamat tujuan dikenal server tujuan; mohon hubungi kabupaten/kota yang bersangkutan agar kotak "
                   "suratnya diperiksa (misalnya dikosongkan bila sudah penuh).")
_ADVICE_SIZE = ("Alamat tujuan tidak bermasalah: email ini terlalu besar bagi server tujuan. Bila email ini "
                "berlampiran, mohon kirimkan isinya dengan lampiran yang lebih kecil atau tanpa lampiran.")
_ADVICE_AUTHENTICATION = (
    "Alamat tujuan tidak bermasalah: server tujuan menolak email ini karena pemeriksaan keaslian pengirim (SPF, DKIM "
    "atau DMARC) untuk domain kantor gagal. Mohon minta pengelola email kantor memeriksa pengaturan tersebut; "
    "selama belum diperbaiki, email lain ke kabupaten/kota ini kemungkinan juga akan ditolak.")
_ADVICE_POLICY = (
    "Penolakan ini berasal dari kebijakan keamanan server tujuan, bukan dari alamat tujuan. Mohon minta pengelola "
    "email kantor memeriksa pengaturan pengiriman email kantor (SPF, DKIM dan DMARC); bila semuanya benar, mohon "
    "hubungi kabupaten/kota yang bersangkutan agar server mereka menerima email dari kantor.")
_ADVICE_GIVEN_UP = ("Server pengirim sudah berhenti mencoba, sehingga email ini tidak akan dikirim ulang secara "
                    "otomatis. Bila isinya masih diperlukan, mohon sampaikan kepada kabupaten/kota yang bersangkutan "
                    "setelah gangguannya teratasi, misalnya melalui telepon.")
_ADVICE_TEMPORARY = ("Ini gangguan sementara: server pengirim biasanya masih mencoba mengirimkannya lagi. Bila "
                     "kemudian datang pemberitahuan bahwa email ini gagal, mohon sampaikan isinya kepada "
                     "kabupaten/kota yang bersangkutan, misalnya melalui telepon.")
_ADVICE_SYSTEM = ("Alamat tujuan tidak bermasalah: gangguannya ada pada sistem email tujuan. Mohon hubungi "
                  "kabupaten/kota yang bersangkutan, misalnya melalui telepon, agar server email mereka diperiksa.")


def status_code_alone(text: str) -> bool:
    """Whether *text* is an enhanced status code and nothing else ("5.7.1"): a report's Status field, no server's
    words to quote.

    >>> status_code_alone("5.7.1"), status_code_alone("550 5.7.1 Rejected")
    (True, False)
    """
    return _STATUS_RE.fullmatch(text.strip()) is not None


def status_advice(text: str | None) -> str:
    """What the operator is asked to do about a bounce whose report says *text* ("550 5.7.26 Unauthenticated
    email ... DMARC policy"), by its first enhanced status code; checking the address when there is none.

    >>> status_advice("5.1.1").startswith("Mohon periksa alamat tujuan")
    True
    >>> "pengelola email kantor" in status_advice("550 5.7.26 Unauthenticated email is not accepted")
    True
    """
    m = _STATUS_RE.search(text or "")
    if m is None:
        return _ADVICE_ADDRESS
    klass, subject, detail = m[1], int(m[2]), int(m[3])
    if (subject, detail) in ((2, 3), (3, 4)):
        return _ADVICE_SIZE
    if (subject, detail) == (4, 7):  # the delivery time expired
        return _ADVICE_GIVEN_UP
    if subject == 7 and 20 <= detail <= 29:  # RFC 7372: DKIM, SPF, reverse DNS and DMARC of the sender failed
        return _ADVICE_AUTHENTICATION
    if subject == 7:
        return _ADVICE_POLICY
    if klass == "4":
        return _ADVICE_TEMPORARY
    if subject == 1:
        return _ADVICE_ADDRESS
    if subject == 2:
        return _ADVICE_MAILBOX
    return _ADVICE_SYSTEM


@dataclass(frozen=True)
class FailureSaid:
    """A sending failure for the operator's notice: its cause in Indonesian, and the server's words if any."""

    reason: str
    server_said: str | None = None


# How the SMTP sender says a connection failed (mailbot.transports.probe.unreachable_words), in Indonesian.
_UNREACHABLE_WORDS: tuple[tuple[str, str], ...] = (
    ("nothing listens on that port", "tidak ada layanan yang menjawab di port tersebut (sambungan ditolak)"),
    ("the host name is not known", "nama server tidak dikenal"),
    ("the server is slow", "server terlalu lambat menjawab"),
    ("no answer in time", "server tidak menjawab dalam batas waktu"),
    ("the server closed the connection", "server memutus sambungan"),
    ("server closed the connection", "server memutus sambungan"),
)

_SERVER_RE = r"(?P<server>\S+?)"
_RECIPIENTS_RE = re.compile(r"(?P<some>delivered, but some recipients refused|recipients refused|recipients deferred)"
                            r" by " + _SERVER_RE + r": (?P<said>.+)$")
_REFUSED_RE = re.compile(r"refused by " + _SERVER_RE + r": (?P<said>\d{3}\b.*)$")
_UNREACHABLE_RE = re.compile(r"SMTP server " + _SERVER_RE + r" not reachable now: (?P<why>.+)$")
_LOST_RE = re.compile(r"connection to " + _SERVER_RE + r" lost(?P<before> before the server said it took the mail)?"
                      r": (?P<why>.+)$")
_SESSION_RE = re.compile(r"SMTP server " + _SERVER_RE + r" refused (?:the session|login for \S+): (?P<said>.+)$")
_UNSUPPORTED_RE = re.compile(r"cannot be sent through " + _SERVER_RE + r": (?P<said>.+)$")
_REPLY_RE = re.compile(r"(?P<said>[45]\d\d\b.*)$")  # a server's reply alone: "550 5.1.1 mailbox unavailable"
_SMTP_ERROR_RE = re.compile(r"SMTP error from " + _SERVER_RE + r": (?P<said>.+)$")


def _unreachable(why: str) -> str:
    low = why.lower()
    return next((words for start, words in _UNREACHABLE_WORDS if low.startswith(start)), "sambungan gagal")


def _with_meaning(reason: str, said: str) -> str:
    meaning = status_meaning(said)
    return f"{reason}: {meaning}" if meaning else reason


def failure_said(error: str) -> FailureSaid:
    """The cause of a mail given up (an outbox row's last error, as mailbot.transports.smtp words it) in the
    notice's Indonesian, and the server's own words when it gave some.

    >>> failure_said("message <a@b>: recipients refused by 127.0.0.1:25: x@y.example: 550 5.1.1 User unknown")
    FailureSaid(reason='server email menolak alamat penerima: alamat penerima tidak dikenal di server tujuan \
(kotak suratnya tidak ada)', server_said='x@y.example: 550 5.1.1 User unknown')
    >>> failure_said("SMTP server mail.example:587 not reachable now: the host name is not known").reason
    'server email kantor (mail.example:587) tidak dapat dihubungi: nama server tidak dikenal'
    """
    error = " ".join(error.split())
    if m := _RECIPIENTS_RE.search(error):
        reason = {"recipients refused": "server email menolak alamat penerima",
                  "recipients deferred": "server email menunda penerimaan untuk alamat penerima",
                  }.get(m["some"], "email terkirim ke sebagian penerima, tetapi server email menolak penerima lainnya")
        return FailureSaid(_with_meaning(reason, m["said"]), m["said"])
    if m := _UNREACHABLE_RE.search(error):
        return FailureSaid(f"server email kantor ({m['server']}) tidak dapat dihubungi: {_unreachable(m['why'])}")
    if m := _LOST_RE.search(error):
        when = " sebelum server menyatakan email diterima" if m["before"] else ""
        return FailureSaid(f"sambungan ke server email kantor ({m['server']}) terputus{when}: {_unreachable(m['why'])}")
    if m := _SESSION_RE.search(error):
        return FailureSaid(f"server email kantor ({m['server']}) menolak sambungan", m["said"])
    if m := _REFUSED_RE.search(error):
        return FailureSaid(_with_meaning("server email menolak email ini", m["said"]), m["said"])
    if m := _UNSUPPORTED_RE.search(error):
        return FailureSaid(f"server email kantor ({m['server']}) tidak dapat mengirim email seperti ini",
                           m["said"])
    if m := _SMTP_ERROR_RE.search(error):
        return FailureSaid(f"server email kantor ({m['server']}) menjawab dengan galat", m["said"])
    if m := _REPLY_RE.match(error):
        return FailureSaid(_with_meaning("server email menolak email ini", m["said"]), m["said"])
    if error.lower().startswith("server closed the connection"):
        return FailureSaid("server email kantor memutus sambungan")
    return FailureSaid("pengiriman gagal karena sebab yang tidak dikenal (rinciannya: mailbot outbox list)")
