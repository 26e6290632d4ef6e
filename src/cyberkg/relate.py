"""Stage 3b — relate: facts between resolved things; here, which turns answer which questions.

A question is a journalist's turn. Every speaker's turn after it, up to the
next question, answers it: the first speaker, and whoever they hand over to
("Mr. X will answer your question"). Moderator turns in between answer
nothing.
"""

from __future__ import annotations

from dataclasses import replace

from .entities import Conference, ResolvedTurn
from .model import Role


def link_answers(turns: tuple[ResolvedTurn, ...]) -> tuple[tuple[int, int], ...]:
    """(answer order, question order) for every answer turn, in turn order."""
    links = []
    question: int | None = None
    for turn in turns:
        if turn.role is Role.JOURNALIST:
            question = turn.order
        elif turn.role is Role.SPEAKER and question is not None:
            links.append((turn.order, question))
    return tuple(links)


def relate(conference: Conference) -> Conference:
    """The conference with its question → answer links."""
    return replace(conference, answers=link_answers(conference.turns))
