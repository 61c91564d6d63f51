"""Guards: pure checks on who sent a message, what it may make mailbot do, and what mailbot sends."""

from mailbot.errors import CommandError
from mailbot.guards.brake import room_to_send
from mailbot.guards.commands import ManagerCommand, parse_manager_command
from mailbot.guards.headers import safe_address, safe_header_text, safe_subject
from mailbot.guards.limits import LimitViolation, check_limits
from mailbot.guards.threads import ThreadKeys, find_references, format_reference, strip_reply_prefixes, thread_keys
from mailbot.guards.trust import SenderTrust, assess_sender

__all__ = [
    "CommandError",
    "LimitViolation",
    "ManagerCommand",
    "SenderTrust",
    "ThreadKeys",
    "assess_sender",
    "check_limits",
    "find_references",
    "format_reference",
    "parse_manager_command",
    "room_to_send",
    "safe_address",
    "safe_header_text",
    "safe_subject",
    "strip_reply_prefixes",
    "thread_keys",
]
