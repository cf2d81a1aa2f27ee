"""A tally's percentages: whole numbers that always add up to 100 (largest remainder)."""

import itertools

import pytest

from consultations.selectors import Tally


def test_thirds_add_up_to_100_not_101():
    tally = Tally(agree=4, disagree=1, abstain=1)  # 66.7 + 16.7 + 16.7: rounding alone gives 101

    assert (tally.agree_percent, tally.disagree_percent, tally.abstain_percent) == (67, 17, 16)


def test_equal_thirds_give_the_leftover_point_to_the_first_choice():
    tally = Tally(agree=1, disagree=1, abstain=1)

    assert (tally.agree_percent, tally.disagree_percent, tally.abstain_percent) == (34, 33, 33)


def test_no_votes_are_zero_percent_each():
    assert Tally().percents == {"agree": 0, "disagree": 0, "abstain": 0}


def test_exact_shares_are_kept():
    assert Tally(agree=3, disagree=1, abstain=0).percents == {
        "agree": 75,
        "disagree": 25,
        "abstain": 0,
    }


@pytest.mark.parametrize("counts", list(itertools.product(range(8), repeat=3))[1:])
def test_every_small_tally_adds_up_to_100_and_stays_within_a_point_of_its_share(counts):
    tally = Tally(*counts)

    assert sum(tally.percents.values()) == 100
    for count, percent in zip(counts, tally.percents.values(), strict=True):
        assert abs(percent - 100 * count / tally.total) < 1
