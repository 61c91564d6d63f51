"""Allow `python -m mailbot`."""

from mailbot.launch import main

main()
