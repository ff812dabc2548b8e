"""Privacy you can check: everything kept about you, forgetting you, the short notice, and the
retention that deletes what is no longer needed."""

from handlers.kernel.router import Router, Where
from handlers.privacy import texts


def register(router: Router) -> None:
    # Imported here, not above: importing any one module of a feature need not load all of it.
    from handlers.privacy import forgetting, my_data, retention

    router.command("mydata", my_data.my_data, Where.PRIVATE, about=texts.ABOUT_MY_DATA)
    router.command("forgetme", forgetting.forget_me, Where.PRIVATE, about=texts.ABOUT_FORGET_ME)
    router.command("privacy", my_data.privacy, about=texts.ABOUT_PRIVACY, listed=Where.PRIVATE)
    router.action(forgetting.ForgetMe, forgetting.confirmed)
    router.action(forgetting.KeepMe, forgetting.keep)
    router.due("retention", retention.Retention().run_due)  # register last: after everything else had its turn
