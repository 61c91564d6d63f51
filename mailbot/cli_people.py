"""Commands for what people do by hand: the "perlu dibaca" queue, discrepancies, corrections, labels, history."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from mailbot.cli import _actor, _desk, app, out
from mailbot.errors import MailbotError

queue_app = typer.Typer(no_args_is_help=True, help='The "perlu dibaca" queue: mail and differences for a person.')
app.add_typer(queue_app, name="queue")


@queue_app.command("list")
def queue_list(
    all_: Annotated[bool, typer.Option("--all", help="Closed items too.")] = False,
    limit: int = 50,
) -> None:
    """Open queue items (oldest first): why each waits, from whom, since when."""
    from sqlalchemy import select

    from mailbot.store.schema import AttentionItem, Message

    with _desk() as desk, desk.sessions() as session:
        query = select(AttentionItem, Message).outerjoin(Message, Message.id == AttentionItem.message_pk)
        if not all_:
            query = query.where(AttentionItem.closed_at.is_(None))
        rows = session.execute(query.order_by(AttentionItem.opened_at, AttentionItem.id).limit(limit)).all()
        table = Table(title="Queue (perlu dibaca)")
        for col in ("id", "opened", "kind", "reason", "district", "message", "from", "detail", "closed"):
            table.add_column(col)
        for item, message in rows:
            detail = " ".join((item.detail or "").split())[:70]
            table.add_row(str(item.id), item.opened_at.astimezone(desk.tz).strftime("%Y-%m-%d %H:%M"), item.kind,
                          item.reason, item.district or "-", str(item.message_pk or "-"),
                          (message.sender if message is not None else None) or "-", detail,
                          f"{item.closed_by}: {item.resolution}" if item.closed_at else "")
    out.print(table)


@queue_app.command("close")
def queue_close(
    item_id: Annotated[int, typer.Argument(help="Queue item id (see `mailbot queue list`).")],
    reason: Annotated[str, typer.Option(help="What was done, or why no action is needed.")],
    who: Annotated[str | None, typer.Option("--by")] = None,
) -> None:
    """Close a queue item with what was done (or 'no action needed' and why)."""
    from mailbot import attention

    with _desk() as desk, desk.sessions.begin() as session:
        attention.close(session, desk, item_id, actor=_actor(who), resolution=reason)
    out.print(f"queue item {item_id} closed")


@app.command()
def resolve(
    item_id: Annotated[int, typer.Argument(help="Discrepancy or reconciliation item id (see `mailbot queue list`).")],
    reason: Annotated[str, typer.Option(help="What the check found.")],
    delta: Annotated[int, typer.Option(help="Pieces to book at the item's district (e.g. +100 found).")] = 0,
    who: Annotated[str | None, typer.Option("--by")] = None,
) -> None:
    """Resolve a receipt shortfall or a stock difference: closed with the reason, booked as an audited adjustment."""
    from mailbot import actions, attention
    from mailbot.store.schema import AttentionItem

    with _desk() as desk, desk.sessions.begin() as session:
        row = session.get(AttentionItem, item_id)
        if row is None or row.kind not in ("discrepancy", "reconcile"):
            raise MailbotError(f"no discrepancy or reconciliation item {item_id}; see `mailbot queue list`")
        actor = _actor(who)
        attention.close(session, desk, item_id, actor=actor, resolution=reason)
        if delta and row.district:
            actions.adjust(session, desk, location=row.district, item=row.item or "ktp-el", delta=delta,
                           reason=f"penyelesaian #{item_id}: {reason}", actor=actor)
        from mailbot.store import repo

        repo.audit(session, at=desk.now(), actor=actor, action="resolve", target=f"item:{item_id}",
                   details={"reason": reason, "delta": delta, "kind": row.kind})
    out.print(f"item {item_id} resolved" + (f"; {delta:+,} booked at {row.district}" if delta else ""))
