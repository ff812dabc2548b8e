"""Help: /start (and the deep links that arrive through it), /help, and /language."""

from handlers.help import texts
from handlers.kernel.router import Router, Where


def register(router: Router) -> None:
    # Imported here, not above: importing any one module of a feature need not load all of it.
    from handlers.help import language, start

    router.command("start", start.start)
    router.command("help", start.help_, about=texts.ABOUT_HELP)
    router.command("language", language.language, about=texts.ABOUT_LANGUAGE, listed=Where.PRIVATE)
    router.action(language.ChooseMine, language.chose_mine)
    router.action(language.ChooseStreets, language.chose_streets)
