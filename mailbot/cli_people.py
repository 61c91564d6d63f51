"""Commands for what people do by hand: the "perlu dibaca" queue, discrepancies, corrections, labels, history."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from mailbot.cli_shared import (
    MAX_ID,
    ByOption,
    SignedArguments,
    YesOption,
    _actor,
    _config,
    _config_path,
    _desk,
    app,
    err,
    large_movement_confirmed,
    mail_sent,
    out,
    plain_option,
    quantity,
    queue_item_id,
    queue_words_number,
    request_reference,
    row_limit,
    stored_id,
    utf8_text,
)
from mailbot.errors import MailbotError
from mailbot.indonesian import zoned
from mailbot.tables import print_table, table_of

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mailbot.desk import Desk

queue_app = typer.Typer(no_args_is_help=True, help='The "perlu dibaca" queue: mail and differences for a person.')
app.add_typer(queue_app, name="queue")


@queue_app.command("list")
def queue_list(
    all_: Annotated[bool, typer.Option("--all", help="Closed items too.")] = False,
    limit: Annotated[int, typer.Option(metavar="N", help="How many, oldest first, e.g. 100 or 1.000.",
                                       parser=row_limit)] = 50,
) -> None:
    """Open queue items (oldest first): why each waits, from whom, since when.

    Example: mailbot queue list --all
    """
    from sqlalchemy import select

    from mailbot.attention import QUEUE_KINDS, operator_reason
    from mailbot.store.schema import AttentionItem, Message

    with _desk(read_only=True) as desk, desk.sessions() as session:
        query = select(AttentionItem, Message).outerjoin(Message, Message.id == AttentionItem.message_pk)
        if not all_:
            query = query.where(AttentionItem.closed_at.is_(None))
        rows = session.execute(query.order_by(AttentionItem.opened_at, AttentionItem.id).limit(limit)).all()
        table = table_of(
            ("id", "opened", "kind", "reason", "district", "message", "from", "detail", "closed"),
            ((str(item.id), zoned(item.opened_at, desk.tz), QUEUE_KINDS.get(item.kind, item.kind),
              operator_reason(item.reason),
              _district_words(desk, item.district),
              str(item.message_pk or "-"),
              (message.sender if message is not None else None) or "-", _excerpt(item.detail or ""),
              f"{item.closed_by}: {item.resolution}" if item.closed_at else "") for item, message in rows),
            title="Queue (perlu dibaca)")
    print_table(out, table)


def _district_words(desk: Desk, code: str | None) -> str:
    """A district's code with its name beside it ("65.02 Kabupaten Malinau"), as `mailbot status` shows it."""
    if not code:
        return "-"
    listed = desk.config.district(code)
    return f"{code} {listed.name}" if listed is not None else f"{code} (not in config.toml)"


# A queue item's detail is shown whole up to this many characters (a difference's figures, a reason); longer
# (the excerpt of a mail's text) it ends at a word with "...": `mailbot history MESSAGE` shows the mail.
DETAIL_CHARS = 240


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) <= DETAIL_CHARS:
        return flat
    return flat[:DETAIL_CHARS].rsplit(" ", 1)[0] + " ..."


@queue_app.command("close", cls=SignedArguments)
def queue_close(
    item_id: Annotated[int, typer.Argument(metavar="ITEM_ID",
                                           help="Queue item id (see `mailbot queue list`).", parser=queue_item_id)],
    reason: Annotated[str, typer.Option(help="What was done, or why no action is needed.", callback=plain_option)],
    who: ByOption = None,
) -> None:
    """Close a queue item with what was done (or 'no action needed' and why).

    Example: mailbot queue close 3 --reason "dijawab lewat telepon"
    """
    from mailbot import attention

    with _desk() as desk, desk.sessions.begin() as session:
        attention.close(session, desk, item_id, actor=_actor(who), resolution=reason)
    out.print(f"queue item {item_id} closed")


@app.command(cls=SignedArguments)
def resolve(
    item_id: Annotated[int, typer.Argument(metavar="ITEM_ID",
                                           help="Discrepancy or reconciliation item id (see `mailbot queue list`).",
                                           parser=queue_item_id)],
    reason: Annotated[str, typer.Option(help="What the check found.", callback=plain_option)],
    delta: Annotated[str | None, typer.Option(
        metavar="CHANGE", help="Pieces to book at the item's district, e.g. 100 found or -20.")] = None,
    no_notify: Annotated[bool, typer.Option(
        "--no-notify", help="Do not mail the district. Without it, the district of a receipt difference is told in "
                            "its request's thread how it was settled (the figures booked and the reason).")] = False,
    who: ByOption = None,
    yes: YesOption = False,
) -> None:
    """Resolve a receipt shortfall or a stock difference: closed with the reason, booked as an audited adjustment;
    the district of a receipt difference is told how it was settled (unless --no-notify). A --delta that looks
    unusually large for the district is asked about first, as `mailbot adjust` asks (off a terminal: --yes).

    Example: mailbot resolve 4 --reason "hitung ulang di gudang" --delta -100
    """
    from mailbot import actions, attention
    from mailbot.app import open_sender
    from mailbot.indonesian import number
    from mailbot.outbox import district_fate, send_now
    from mailbot.store import repo
    from mailbot.store.schema import AttentionItem

    change = quantity(delta, "resolve --delta", _config(), signed=True) if delta is not None else 0
    if change:
        with _desk() as desk, desk.sessions() as session:
            found = session.get(AttentionItem, item_id)
            place = (found.district, found.item) if found is not None and found.kind in ("discrepancy", "reconcile") \
                else None
        if place is not None and place[0]:
            # "--delta -1000000" typed for "-100": asked first, as an adjustment is (nothing closed until then)
            large_movement_confirmed("resolve --delta", place[0], place[1] or "ktp-el", change, yes=yes)
    with _desk() as desk:
        sender = open_sender(desk.config) if not no_notify else None  # an outbox that cannot be written refuses first
        with desk.sessions.begin() as session:
            before = repo.last_outbox_id(session)
            row = session.get(AttentionItem, item_id)
            if row is None or row.kind not in ("discrepancy", "reconcile"):
                raise MailbotError(f"no discrepancy or reconciliation item {item_id}; see `mailbot queue list`")
            actor = _actor(who)
            attention.close(session, desk, item_id, actor=actor, resolution=reason)
            if change and row.district:
                actions.adjust(session, desk, location=row.district, item=row.item or "ktp-el", delta=change,
                               reason=f"penyelesaian antrean {item_id}: {reason}", actor=actor,
                               reconciling=item_id if row.kind == "reconcile" else None)
            repo.audit(session, at=desk.now(), actor=actor, action="resolve", target=f"item:{item_id}",
                       details={"reason": reason, "delta": change, "kind": row.kind, "notify": not no_notify})
            told = None if no_notify else actions.tell_discrepancy_resolved(session, desk, item_id, reason,
                                                                             change=change)
        booked = f"; {'+' if change > 0 else '-'}{number(abs(change))} booked at {row.district}" if change else ""
        if sender is None or told is None:
            out.print(f"item {item_id} resolved{booked}" + ("; the district was not told (--no-notify)"
                                                            if no_notify and row.kind == "discrepancy" else ""))
            return
        sent = send_now(desk, sender)
        fate = district_fate(desk, before, [told], sent)
    out.print(f"item {item_id} resolved{booked}; the district is told how it was settled: {mail_sent(sent)}; {fate}",
              highlight=False, markup=False, soft_wrap=True)


@app.command(cls=SignedArguments)
def correct(
    message: Annotated[int, typer.Argument(metavar="MESSAGE",
                                           help="Stored message id (see `mailbot history`, `mailbot queue list`).",
                                           parser=stored_id)],
    fields: Annotated[list[str], typer.Argument(metavar="FIELD=VALUE...",
                                                help="field=value ..., e.g. stock_on_hand=650 kind=stock_report; "
                                                     "field=null empties a field.")],
    reason: Annotated[str, typer.Option(help="Why the reading was wrong (recorded).", callback=plain_option)],
    who: ByOption = None,
) -> None:
    """State the right reading of a message: kept as a label, carried through by audited adjustments.

    Example: mailbot correct 8 requested=3.000 district=65.03 --reason "jumlah di lampiran"
    """
    from mailbot import corrections
    from mailbot.app import open_sender
    from mailbot.outbox import district_fate, send_now
    from mailbot.store import repo

    config = _config()
    fields = [utf8_text(field, "FIELD=VALUE") for field in fields]
    parsed = corrections.parse_fields(fields, maximum=config.stock.max_quantity_per_movement,
                                      districts={d.code: d.name for d in config.districts})
    with _desk() as desk:
        sender = open_sender(desk.config)  # an outbox that cannot be written refuses before anything is changed
        with desk.sessions.begin() as session:
            before = repo.last_outbox_id(session)
            done = corrections.correct(session, desk, message, parsed, actor=_actor(who), reason=reason)
        sent = send_now(desk, sender)
        # what became of the district's mail, said as approve and dispatch say it: sent, waiting, or not sent
        fate = district_fate(desk, before, done.told, sent) if done.told else None
    out.print(f"message {message} corrected: " + ", ".join(
        f"{k}={_shown(v)}" for k, v in parsed.items()))
    for effect in done.effects:
        out.print(f"  {effect}")
    out.print(f"  {mail_sent(sent)}" + (f"; {fate}" if fate else ""), highlight=False, markup=False, soft_wrap=True)


labels_app = typer.Typer(no_args_is_help=True, help="Labelled mail: corrections and completed clarifications.")
app.add_typer(labels_app, name="labels")


@labels_app.command("export")
def labels_export(
    folder: Annotated[Path, typer.Argument(metavar="FOLDER", help="Folder to write corpus/*.eml and labels.json to.")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an earlier export in FOLDER.")] = False,
) -> None:
    """Write every labelled message in the format of the labelled reading sets.

    Example: mailbot labels export /tmp/labels
    """
    from mailbot import corrections
    from mailbot.targets import os_words, output_folder

    output_folder(folder, _config(), _config_path(), what=str(folder))
    if (folder / "labels.json").exists() and not force:
        raise MailbotError(f"{folder} holds an export already (labels.json); give a new folder, or add --force "
                           "to overwrite it")
    with _desk() as desk, desk.sessions() as session:
        try:
            count = corrections.export_labels(session, folder)
        except OSError as exc:
            raise MailbotError(f"cannot write the labels to {folder}: {os_words(exc)}") from None
    out.print(f"{count} labelled message(s) written to {folder}")


@labels_app.command("import")
def labels_import(
    folder: Annotated[Path, typer.Argument(metavar="FOLDER", help="Folder holding corpus/*.eml and labels.json.")],
    who: ByOption = None,
) -> None:
    """Read labelled mail (another office's, or an export of this one).

    Example: mailbot labels import /tmp/labels
    """
    from mailbot import corrections

    if not folder.is_dir():
        what = "is a file, not a folder" if folder.exists() else "does not exist"
        raise MailbotError(f"{folder} {what}; give the folder `mailbot labels export` wrote (labels.json and "
                           "corpus/*.eml in it)")
    if not (folder / "labels.json").is_file():
        raise MailbotError(f"{folder} holds no labels.json; give the folder `mailbot labels export` wrote "
                           "(labels.json and corpus/*.eml in it)")
    with _desk() as desk, desk.sessions.begin() as session:
        done = corrections.import_labels(session, desk, folder, actor=_actor(who))
    out.print(f"{done.total} label(s) read from {folder}: {done.new} new, "
              + (f"{done.changed} replaced a different label, " if done.changed else "")
              + f"{done.same} already there")


@app.command("show", help="The same as `mailbot history`.")
@app.command()
def history(
    target: Annotated[str, typer.Argument(
        metavar="REF_OR_MESSAGE",
        help='A request reference (BLK-2026-0042), a message id, or a queue item ("antrean 9").')],
) -> None:
    """A request's (or a message's) whole thread: messages, readings, decisions, mail, ledger, who did what.

    Example: mailbot history BLK-2026-0042 (or a message id: mailbot history 8)
    """
    from mailbot.history import story, who

    target = target.strip()
    # "#8", as the history shows a message: that message, never a request
    number = target[1:].strip() if target.startswith("#") else ""
    message_number = number if number.isascii() and number.isdigit() and int(number) <= MAX_ID else None
    queued = queue_words_number(target)  # "antrean 9", as the digest names a queue item
    if message_number is not None:
        target = message_number
    elif queued is None and not (target.isascii() and target.isdigit()):
        target = request_reference(target)
    with _desk(read_only=True) as desk, desk.sessions() as session:
        if queued is not None:
            target = _queue_item_subject(session, target, queue_item_id(queued))
        elif message_number is None:
            target = _message_or_request(session, target)
        heading, events = story(session, target, {d.code: d.name for d in desk.config.districts})
        out.print(heading, highlight=False)
        table = table_of(("when", "what", "who", "detail"),
                         ((zoned(e.at, desk.tz), e.what, who(e.who), e.text) for e in events))
    print_table(out, table)


def _queue_item_subject(session: Session, typed: str, item_id: int) -> str:
    """What `history "antrean 9"` shows: the request queue item 9 is about, else its message, said on stderr
    first; a queue item about neither (a stock difference) or none at all is refused with what to write."""
    from mailbot.store.schema import AttentionItem, Request

    item = session.get(AttentionItem, item_id)
    if item is None:
        raise MailbotError(f"{typed!r} names queue item {item_id}, and there is no such item; see `mailbot queue "
                           "list --all`; `mailbot history` takes a request reference (BLK-2026-0042) or a message id")
    request = session.get(Request, item.request_pk) if item.request_pk is not None else None
    # "queue item 1" typed as such is not told that it is queue item 1
    named = f"queue item {item_id}"
    lead = named if " ".join(typed.lower().split()) == named else f"{typed} is {named}"
    if request is not None:
        err.print(f"mailbot: {lead}; shown: the history of {request.reference}, which it is about", highlight=False,
                  soft_wrap=True)
        return request.reference
    if item.message_pk is not None:
        err.print(f"mailbot: {lead}; shown: the history of message {item.message_pk}, which it is about",
                  highlight=False, soft_wrap=True)
        return str(item.message_pk)
    raise MailbotError(f"{typed!r} is queue item {item_id}, which is about no request or message (see `mailbot queue "
                       "list --all`); `mailbot history` takes a request reference (BLK-2026-0042) or a message id")


def _message_or_request(session: Session, target: str) -> str:
    """A bare number is a message id; when a request has that number too (BLK-2026-0005 for "0005" or "5"),
    the operator is told which is shown and how to see the other; with no such message, the request."""
    from sqlalchemy import select

    from mailbot.store.schema import Message, Request

    if not (target.isascii() and target.isdigit()) or int(target) > MAX_ID:
        return target
    numbered = session.scalars(select(Request.reference).where(Request.reference.like(f"BLK-%-{int(target):04d}"))
                               .order_by(Request.id.desc())).all()
    if not numbered:
        return target
    message = session.get(Message, int(target))
    if message is None:
        return numbered[0]
    if session.scalar(select(Request.reference).where(Request.message_pk == message.id)) == numbered[0]:
        return target  # the request's own message: its history is the request's
    err.print(f"mailbot: {target} is read as message {int(target)}; for the request numbered {int(target)} type "
              f"mailbot history {numbered[0]}", highlight=False, soft_wrap=True)
    return target


def print_agreement() -> None:
    """The reader against the stored labels, after `mailbot reread`."""
    from mailbot.corrections import agreement

    with _desk() as desk:
        result = agreement(desk)
    if not result.messages:
        out.print("no labelled messages to compare with (see `mailbot correct`, `mailbot labels import`)")
        return
    out.print(f"labels: {result.messages} message(s), {result.entirely_right} read entirely right; "
              f"{result.fields_right} of {result.fields} fields right; {len(result.wrong_numbers)} wrong number(s)")
    if result.differences:
        table = Table(title="Where the reader differs from the labels")
        for col in ("message", "field", "label", "reader", "wrong number"):
            table.add_column(col)
        wrong = set(result.wrong_numbers)
        for d in result.differences:
            table.add_row(str(d[0]), d[1], _shown(d[2]), _shown(d[3]), "yes" if d in wrong else "")
        print_table(out, table)


def _shown(value: object) -> str:
    """A corrected field as the operator typed it: figures in Indonesian, an emptied field as "(no figure)"."""
    if value is None:
        return "(no figure)"
    from mailbot.indonesian import number

    if isinstance(value, int) and not isinstance(value, bool):
        return number(value)
    return str(value)
