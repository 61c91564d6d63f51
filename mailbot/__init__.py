"""mailbot: an email-driven request desk for blank e-ID cards (blangko KTP-el)."""

__version__ = "0.1.0"
