"""Mail transports: where messages come from (inbox) and go to (outbox sender)."""
