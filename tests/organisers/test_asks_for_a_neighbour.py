"""`/ask for a neighbour: …` — anyone may ask for someone who isn't online. The card says so, the
helper arranges it with the poster, and who the other person is is never recorded."""

from handlers.posts import texts as posts_texts
from tests.kit import StreetKit, card_of, only


async def _database_strings(street: StreetKit) -> list[str]:
    found = []
    for table in await street.store.db.fetch_all("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for row in await street.store.db.fetch_all(f"SELECT * FROM {table['name']}"):
            found += [value for value in tuple(row) if isinstance(value, str)]
    return found


async def test_the_card_says_who_asked_and_for_whom_it_doesnt(street: StreetKit) -> None:
    sent = await street.say("sam", "/ask for a neighbour: could someone fetch a few things from the shop on Thursday?")
    card = card_of(sent)
    assert card.text.startswith("🙋 Sam is asking for a neighbour who isn't online\n")
    assert card.text.endswith("“could someone fetch a few things from the shop on Thursday?”")
    hint = next(s for s in sent if s.key == posts_texts.PROXY_HINT)
    assert "addresses and health details" in hint.text and hint.payload("Take it down").startswith("wd:")
    post = await street.store.posts.get(card.outgoing.card_of)  # type: ignore[arg-type]
    assert post is not None and post.for_neighbour and post.body.startswith("could someone fetch")
    assert await street.count("neighbours") == 1  # only Sam: nobody else was recorded
    assert not any("for a neighbour" in value for value in await _database_strings(street))


async def test_the_helper_arranges_it_with_the_poster(street: StreetKit) -> None:
    post_id = card_of(await street.say("sam", "/ask for a neighbour - could someone mow a small lawn?")).outgoing.card_of
    await street.press("joe", f"h:{post_id}", private=False)
    prompt = only(street.notifier.to_person("sam"))
    assert prompt.text.startswith("🙋 Joe can help with your ask")
    await street.press("sam", prompt.payload("Yes please"))
    assert only(street.notifier.to_person("joe")).text.startswith("🤝 Sam said yes!")
    street.notifier.take()
    await street.press("joe", f"dn:{post_id}")
    # Sam asked for someone else: he wasn't the one helped, so nothing counts towards "giving back".
    helped = await street.store.db.fetch_value("SELECT helped_since_invitation FROM neighbours WHERE user_id = 'sam'")
    assert helped == 0


async def test_asked_privately_the_card_names_nobody(street: StreetKit) -> None:
    await street.say("sam", "/board")
    sent = await street.tell("sam", "/ask for a neighbour: could someone walk a dog on Saturday?")
    assert card_of(sent).text.startswith("🙋 A neighbour is asking for a neighbour who isn't online")
    assert {s.key for s in sent} >= {posts_texts.POSTED_ANONYMOUSLY, posts_texts.PROXY_HINT}


async def test_without_words_it_says_how(street: StreetKit) -> None:
    before = await street.snapshot()
    assert only(await street.say("sam", "/ask for a neighbour:")).key == posts_texts.PROXY_HOW
    assert only(await street.say("sam", "/ask For a neighbor")).key == posts_texts.PROXY_HOW
    assert await street.snapshot() == before


async def test_in_polish_and_romanian_too(street: StreetKit) -> None:
    for line in ("/ask dla kogoś z sąsiadów: czy ktoś mógłby w czwartek zrobić drobne zakupy?",
                 "/ask dla sąsiadki: czy ktoś mógłby w czwartek zrobić drobne zakupy?",
                 "/ask pentru un vecin: poate cineva să ia câteva lucruri de la magazin joi?",
                 "/ask pentru o vecină: poate cineva să ia câteva lucruri de la magazin joi?"):
        card = card_of(await street.say("sam", line))
        assert card.text.startswith("🙋 Sam is asking for a neighbour who isn't online\n"), line
        assert card.text.endswith(("“czy ktoś mógłby w czwartek zrobić drobne zakupy?”",
                                   "“poate cineva să ia câteva lucruri de la magazin joi?”")), line
        await street.press("sam", f"wd:{card.outgoing.card_of}")  # the same words again would be a duplicate
    for line in ("/ask dla kogoś z sąsiadów", "/ask pentru un vecin:"):
        assert only(await street.say("sam", line)).key == posts_texts.PROXY_HOW


async def test_ordinary_asks_starting_with_for_are_left_alone(street: StreetKit) -> None:
    card = card_of(await street.say("sam", "/ask for a neighbourhood litter pick, could someone lend gloves?"))
    assert card.text.startswith("🙋 Sam could use a hand")
