"""Indonesian wording of stock decisions, states and trends: vocabulary tables and explain_id()."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mailbot.indonesian import decided_by_words, long_date, number
from mailbot.stock.policy import Decision, Reason, Step, Value

STATE_LABEL: Mapping[str, str] = {"ok": "aman", "low": "menipis", "critical": "kritis"}
TREND_LABEL: Mapping[str, str] = {"rising": "naik", "falling": "turun", "flat": "stabil", "unknown": "-"}
OUTCOME_LABEL: Mapping[str, str] = {
    "approve": "disetujui",
    "approve_partial": "disetujui sebagian",
    "hold": "menunggu keputusan pimpinan",
    "clarify": "perlu klarifikasi",
    "propose": "diusulkan",
}
USE_BASIS_LABEL: Mapping[str, str] = {
    "reports": "dari laporan harian",
    "fallback": "perkiraan awal, belum ada laporan harian",
    "none": "belum ada dasar perhitungan",
}
# Why the approved quantity is what it is (the "karena ..." of the last line).
LIMITED_BY: Mapping[str, str] = {
    "requested": "sesuai jumlah yang dimohon",
    "need": "disesuaikan dengan kebutuhan {days} hari ({need} keping)",
    "threshold": "disesuaikan dengan kebutuhan untuk kembali ke batas minimum ({need} keping)",
    "spare": "stok provinsi yang dapat dikirim saat ini {spare} keping",
    "share": "stok provinsi dibagi merata antar kabupaten/kota yang menunggu (bagian {spare} keping)",
}
REASON_TEXT: Mapping[str, str] = {
    "sender_unknown": "alamat pengirim tidak terdaftar untuk kabupaten/kota ini",
    "unauthenticated": "keaslian email pengirim tidak dapat dipastikan",
    "check_failed": "pemeriksaan keaslian GAGAL: email ini kemungkinan dipalsukan",
    "open_request": "masih ada permohonan lain yang belum selesai ({references})",
    "contradicts_reports": "sisa stok yang disebutkan ({stated}) tidak sesuai laporan harian tanggal "
                           "{report_date} ({reported})",
    "over_limit": "jumlah {quantity} melebihi batas persetujuan otomatis {limit} keping",
    "no_need": "stok yang ada ({stock}) masih mencukupi kebutuhan {target} keping",
    "stock_unconfirmed": "sisa stok belum pasti: kabupaten/kota menulis \"{said}\" dan belum menyebutkan angka "
                         "pastinya; perhitungan sistem memakai stok menurut catatan ({stock}), yang belum tentu "
                         "sesuai",
    "province_short": "stok provinsi di atas cadangan tidak mencukupi (tersedia {spare} keping)",
    "no_quantity": "jumlah yang dimohon tidak disebutkan",
    "no_basis": "belum ada data pemakaian untuk menghitung kebutuhan",
    "fallback_use": "pemakaian harian memakai perkiraan awal {daily_use}/hari karena belum ada laporan harian",
    "fair_split": "stok provinsi terbatas sehingga dibagi merata menurut jumlah hari stok tiap kabupaten/kota",
    "capped_by_need": "disesuaikan dengan kebutuhan ({need} keping)",
    "capped_by_spare": "dibatasi stok provinsi yang dapat dikirim ({spare} keping)",
    "decided_by_manager": "kabupaten/kota mengubah permohonan setelah diputuskan oleh {by}, sehingga perlu "
                          "diputuskan kembali oleh pimpinan",
    "district_appeal": "kabupaten/kota meminta keputusan sebelumnya dipertimbangkan kembali",
    "district_reason": "kabupaten/kota menyampaikan alasan kebutuhan yang lebih besar dari perhitungan sistem",
    "after_rejection": "diajukan dalam balasan atas permohonan {reference} yang ditolak oleh {by} (alasan: "
                       "{why}), sehingga diputuskan oleh pimpinan",
    "changed_while_waiting": "kabupaten/kota mengubah permohonan yang sedang menunggu keputusan pimpinan, sehingga "
                             "tetap diputuskan oleh pimpinan",
    "below_threshold": "sisa stok {on_hand} keping di bawah batas minimum {threshold} keping",
}


# A reason whose figures were not recorded with it, said whole without them (never a phrase cut short, "stok yang
# ada", before its figures).
REASON_WITHOUT_FIGURES: Mapping[str, str] = {
    "open_request": "masih ada permohonan lain yang belum selesai",
    "contradicts_reports": "sisa stok yang disebutkan tidak sesuai laporan harian terakhir",
    "over_limit": "jumlah yang dimohon melebihi batas persetujuan otomatis",
    "no_need": "stok kabupaten/kota menurut catatan masih mencukupi kebutuhannya",
    "stock_unconfirmed": "sisa stok belum pasti: kabupaten/kota belum menyebutkan angka pastinya",
    "province_short": "stok provinsi di atas cadangan tidak mencukupi",
    "fallback_use": "pemakaian harian memakai perkiraan awal karena belum ada laporan harian",
    "capped_by_need": "disesuaikan dengan kebutuhan kabupaten/kota",
    "capped_by_spare": "dibatasi stok provinsi yang dapat dikirim",
    "decided_by_manager": "kabupaten/kota mengubah permohonan setelah diputuskan oleh pimpinan, sehingga perlu "
                          "diputuskan kembali oleh pimpinan",
    "after_rejection": "diajukan dalam balasan atas permohonan yang ditolak, sehingga diputuskan oleh pimpinan",
    "below_threshold": "sisa stok di bawah batas minimum",
}


def _fmt(value: Value) -> str:
    if isinstance(value, bool) or value is None:
        return "-"
    if isinstance(value, int | float):
        return number(value)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        from datetime import date

        try:
            return long_date(date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def decider_words(data: Mapping[str, Value]) -> str:
    """Who decided, from a reason's data: the words stored with it ("by", from decided_by_words()); a reason
    recorded with the bare actor only is worded without its login code.

    >>> decider_words({"actor": "cli:root"}), decider_words({"actor": "cli:root", "by": "petugas meja layanan blangko"})
    ('petugas meja layanan blangko', 'petugas meja layanan blangko')
    """
    if data.get("by"):
        return str(data["by"])
    actor = str(data.get("actor") or "-")
    return decided_by_words([], actor) if actor.startswith("cli:") or actor == "policy" else actor


def reason_id(reason: Reason) -> str:
    """One reason in Indonesian, its numbers written the Indonesian way."""
    template = REASON_TEXT.get(reason.code, "alasan lain")  # never the code: it is English
    data = {k: _fmt(v) for k, v in reason.data.items()}
    if "actor" in reason.data:
        data["by"] = decider_words(reason.data)
    try:
        return template.format(**data)
    except KeyError:
        return REASON_WITHOUT_FIGURES.get(reason.code, template.split(" ({")[0])


def _step_line(step: Step) -> str | None:
    d = step.data
    if step.code == "daily_use":
        basis = USE_BASIS_LABEL.get(str(d.get("basis")), "")
        return f"pemakaian rata-rata {number(step.value)}/hari kerja ({basis})"
    if step.code == "need":
        stock_label = "sisa" if d.get("stock_source") == "stated" else "sisa menurut catatan"
        stock = _fmt(d["stock"])
        if d.get("stock_source") == "stated_earlier":
            # a stock stated in an earlier mail of the district, newer than the ledger's figure
            stock_label, stock = "sisa", f"{stock} (dinyatakan kabupaten/kota pada {_fmt(d.get('stated_on'))})"
        text = (f"kebutuhan {d['days']} hari x {_fmt(d['daily_use'])}/hari - {stock_label} {stock}"
                f"{_less(d, 'incoming', _INCOMING)}")
        raw = d["raw"]
        text += f" = {_fmt(raw)}"
        if isinstance(raw, int) and raw < 0:
            text += ", jadi kebutuhan 0"
        return text
    if step.code == "threshold":
        return (f"untuk kembali ke batas minimum: {_fmt(d['threshold'])} - sisa menurut catatan {_fmt(d['stock'])}"
                f"{_less(d, 'incoming', _INCOMING)} = {number(step.value)}, jadi kebutuhan {number(step.value)}")
    if step.code == "pack":
        return f"dibulatkan ke atas per kemasan {_fmt(d['pack_size'])} keping = {number(step.value)}"
    if step.code == "spare" and d.get("into_reserve"):
        # approved by hand into the reserve (mailbot approve --force): the stock the figure was approved from
        taken = _less(d, "committed", "sudah dialokasikan")
        return (f"{_SPARE_HEAD.removesuffix(': ')}, dengan memakai cadangan provinsi: {_fmt(d['on_hand'])}"
                + (f"{taken} = {number(step.value)}" if taken else ""))
    if step.code == "spare":
        return (f"{_SPARE_HEAD}{_fmt(d['on_hand'])}{_less(d, 'committed', 'sudah dialokasikan')}"
                f" - cadangan {_fmt(d['reserve'])} = {number(step.value)}")
    if step.code == "fair_share":
        return f"bagian yang adil dari stok provinsi yang terbatas: {number(step.value)}"
    return None


def _less(d: Mapping[str, Value], key: str, words: str) -> str:
    """The figure *key* of a step's data taken off in its line, as " - *words* N"; nothing where there is none."""
    return f" - {words} {_fmt(d[key])}" if d.get(key) else ""


# What a request's need and the way back to the threshold take off: blanks already on their way to the district.
_INCOMING = "sudah disetujui atau dalam pengiriman"
# How the line of the province's free stock (the "spare" step) begins.
_SPARE_HEAD = "stok provinsi yang dapat dikirim: "


def with_spare(lines: Sequence[str], spare: Step) -> list[str]:
    """*lines*, a decision's arithmetic as recorded, with its line of the province's free stock said as *spare* (a
    "spare" step) says it: a decision taken later quotes the free stock it was taken on, after what was promised
    since, never the free stock of the day the arithmetic was made.

    >>> with_spare(["kebutuhan 3.700", "stok provinsi yang dapat dikirim: 66.000 - cadangan 5.000 = 61.000"],
    ...            Step("spare", 53750, {"on_hand": 66000, "committed": 7250, "reserve": 5000}))
    ['kebutuhan 3.700', 'stok provinsi yang dapat dikirim: 66.000 - sudah dialokasikan 7.250 - cadangan 5.000 = 53.750']
    >>> with_spare(["stok provinsi yang dapat dikirim: 66.000 - cadangan 5.000 = 61.000"],
    ...            Step("spare", 7400, {"on_hand": 16000, "committed": 8600, "into_reserve": True}))
    ['stok provinsi yang dapat dikirim, dengan memakai cadangan provinsi: 16.000 - sudah dialokasikan 8.600 = 7.400']
    """
    now = _step_line(spare)
    return [now if now is not None and line.startswith(_SPARE_HEAD) else line for line in lines]


# How the verdict line of a held request goes on after its proposal: what a later decision leaves out.
WAITING = ", menunggu keputusan pimpinan karena "


def decided_since(lines: list[str], held: set[str]) -> list[str]:
    """The arithmetic of a held request as a decision mail shows it once a person decided: the proposal kept,
    its waiting for the managers and the *held* reasons after it left out (they decided since).

    >>> decided_since(["kebutuhan 3.400", "diusulkan 3.400, menunggu keputusan pimpinan karena jumlah besar",
    ...                "permohonan pertama"], {"jumlah besar", "permohonan pertama"})
    ['kebutuhan 3.400', 'diusulkan 3.400']
    """
    kept: list[str] = []
    waiting = False
    for line in lines:
        if WAITING in line:
            waiting = True
            proposal = line.split(WAITING, 1)[0]
            if proposal != "belum ada usulan jumlah":
                kept.append(proposal)
        elif not (waiting and line in held):
            kept.append(line)
    return kept


# What the policy's figure came to ("disesuaikan dengan kebutuhan (2.600 keping)"): the proposal's own line says
# it; beside a reason to hold, it is no reason why the request waits.
RESULT_CODES = ("capped_by_need", "capped_by_spare")


def held_reasons(decision: Decision, *, skip: tuple[str, ...] = ()) -> list[str]:
    """Why a held *decision* waits, in Indonesian: its reasons but those in *skip*, and the figure's own result
    (RESULT_CODES) only when nothing else holds it.

    >>> d = Decision("BLK-1", "65.01", "ktp-el", "hold", 2600, 3500, (Reason("capped_by_need", {"need": 2600}),
    ...              Reason("district_reason")), ())
    >>> held_reasons(d)
    ['kabupaten/kota menyampaikan alasan kebutuhan yang lebih besar dari perhitungan sistem']
    """
    reasons = [r for r in decision.reasons if r.code not in skip]
    holding = [r for r in reasons if r.code not in RESULT_CODES]
    return [reason_id(r) for r in (holding or reasons)]


def explain_id(decision: Decision) -> list[str]:
    """The arithmetic and the verdict of *decision*, one Indonesian line each.

    e.g. ["pemakaian rata-rata 120/hari kerja (dari laporan harian)",
          "kebutuhan 30 hari x 120/hari - sisa 800 = 2.800", ...,
          "disetujui 2.000 karena sesuai jumlah yang dimohon"]
    """
    lines = [line for s in decision.steps if (line := _step_line(s)) is not None]
    final = decision.step("approved") or decision.step("proposed")
    need_days = decision.step("need")
    days = need_days.data.get("days") if need_days else None
    because = ""
    if final is not None:
        limited = str(final.data.get("limited_by"))
        because = LIMITED_BY.get(limited, "").format(
            days=days, need=_fmt(final.data.get("need")), spare=_fmt(final.data.get("spare")))
    q = number(decision.quantity)
    if decision.outcome in ("approve", "approve_partial"):
        lines.append(f"disetujui {q} karena {because}")
    elif decision.outcome == "propose":
        lines.append(f"diusulkan {q} karena {because}")
    elif decision.outcome == "hold":
        held = held_reasons(decision, skip=("no_quantity", "fallback_use", "fair_split"))
        basis = f" ({because})" if final is not None and final.data.get("limited_by") != "requested" else ""
        proposal = f"diusulkan {q}{basis}" if decision.quantity else "belum ada usulan jumlah"
        lines.append(proposal + WAITING + "; ".join(held))
    else:
        lines.append("belum dapat dihitung karena " + "; ".join(reason_id(r) for r in decision.reasons))
    for r in decision.reasons:
        if r.code == "fair_split":  # the daily_use line already says when use is only assumed
            lines.append(reason_id(r))
    return lines


# Why there is no proposal (the policy's quantity is 0), from its reason codes, the first that applies: in
# Indonesian for the managers and in English for the operator. A proposal of 0 is never shown as "0 keping".
NO_PROPOSAL_WHY: Sequence[tuple[str, str, str]] = (
    ("province_short", "stok provinsi di atas cadangan tidak mencukupi",
     "the province's stock above its reserve is not enough"),
    ("no_need", "stok kabupaten/kota masih mencukupi kebutuhannya",
     "the district's stock covers its need"),
)
NO_PROPOSAL_OTHERWISE = ("jumlah yang dapat dikirim belum dapat dihitung", "the quantity cannot be worked out yet")


def no_proposal(codes: Sequence[str], *, english: bool = False) -> str:
    """"belum ada usulan: <why>" (or "no proposal: <why>") for a policy decision of 0 with reason *codes*.

    >>> no_proposal(["over_limit", "province_short"])
    'belum ada usulan: stok provinsi di atas cadangan tidak mencukupi'
    >>> no_proposal(["no_quantity"], english=True)
    'no proposal: the quantity cannot be worked out yet'
    """
    found = next(((indonesian, words) for code, indonesian, words in NO_PROPOSAL_WHY if code in codes),
                 NO_PROPOSAL_OTHERWISE)
    return f"no proposal: {found[1]}" if english else f"belum ada usulan: {found[0]}"


def reason_codes(reasons: object) -> list[str]:
    """The codes of a stored decision's reasons (a list of {"code": ...} as the database keeps them)."""
    if not isinstance(reasons, list):
        return []
    return [str(r["code"]) for r in reasons if isinstance(r, dict) and "code" in r]

