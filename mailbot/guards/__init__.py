"""Guards: pure checks on who sent a message, what it may make mailbot do, and what mailbot sends.

Each guard is imported from its own module (mailbot.guards.headers, .limits, .trust, ...): importing one
guard loads only what it needs, so a command that reads no mail never loads the reader.
"""
