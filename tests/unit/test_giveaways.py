"""A question a reader answers from the world, not the article, is not asked: a name the prompt
ties to its answer (``tied_to``), a near-monopoly share's part, a state younger than the story."""

from __future__ import annotations

from studyaid.derive.share import DOMINANT


def test_a_name_tied_to_a_name_in_the_prompt_is_not_asked(article_questions):
    """ "The Russian leader" in 2019 is Putin to anyone; "Iran and Yemen's _____" the Houthis."""
    asked = {(q.template_id, q.fact_ids) for q in article_questions}
    assert ("actor-name-short", ("actor-vladimir-putin",)) not in asked
    assert ("cloze-source-sentence", ("actor-houthi-rebels",)) not in asked
    assert ("cloze-source-sentence", ("actor-vladimir-putin",)) in asked  # "_____ and Kim have now agreed"


def test_a_near_monopoly_share_asks_no_part(article_questions):
    """China's 92.5 % of North Korea's trade is asked as a figure, never as "what accounts for it"."""
    assert DOMINANT < 92.5
    parts = [q for q in article_questions if q.template_id.startswith("share-part") and "china-nk-trade" in q.id]
    assert not parts
