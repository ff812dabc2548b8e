"""Offers and asks: posting them (from a command, plain words or a guided flow), answering them,
seeing them through, the board, cards, expiry, recurring posts and giving back; and reading a
neighbour's words (categories, when, how many)."""

from handlers.kernel.router import Router, Where
from handlers.posts import texts


def register(router: Router) -> None:
    # Imported here, not above: importing any one module of a feature need not load all of it.
    from handlers.posts import board, cards, expiry, posting, recurring, responding

    router.command("ask", posting.ask, about=texts.ABOUT_ASK)
    router.command("offer", posting.offer, about=texts.ABOUT_OFFER)
    router.command("board", board.board, about=texts.ABOUT_BOARD)
    router.command("mine", board.mine, Where.PRIVATE, about=texts.ABOUT_MINE)

    router.action(cards.CanHelp, responding.offer_help)
    router.action(cards.YesPlease, responding.take_offer)
    router.action(responding.Confirm, responding.confirm)
    router.action(responding.ConfirmThroughBot, responding.confirm_through_bot)
    router.action(responding.NotThisTime, responding.not_this_time)
    router.action(responding.Done, responding.done)
    router.action(responding.Withdraw, responding.withdraw)
    router.action(responding.CantMakeIt, responding.hand_back)
    router.action(expiry.KeepOpen, expiry.keep_open)
    router.action(expiry.Close, expiry.close)
    router.action(posting.PickStreet, posting.picked_street)
    router.action(posting.PickCategory, posting.picked_category)
    router.action(posting.PickWhen, posting.picked_when)
    router.action(posting.Cancel, posting.cancelled)
    router.action(recurring.KeepMe, recurring.keep)
    router.action(recurring.JustOnce, recurring.just_once)
    router.flow(posting.FLOW, posting.on_text)
    router.due("expiry", expiry.run_due, expiry.next_due)
    router.due("recurring", recurring.run_due, recurring.next_due)
