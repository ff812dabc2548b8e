"""Translations of everything Doorstep says: `<language>/LC_MESSAGES/doorstep.po` (gettext, via Babel).

English is the source language (the message ids are the English texts in handlers/kernel/texts.py and
friends). `make translations` refreshes `doorstep.pot` and merges new sentences into every catalogue;
a test fails while any catalogue misses a sentence the code uses."""
