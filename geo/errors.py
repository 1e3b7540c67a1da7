"""Errors the user can fix; their message is shown on screen verbatim."""

from __future__ import annotations


class GeoInputError(ValueError):
    """A problem with the user's input or data that the user can fix.

    The message is Bahasa Indonesia, says what is wrong with the value received
    and what to do, and is shown verbatim by the pages and the command line.
    """
