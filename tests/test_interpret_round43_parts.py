"""Ask in words, round 43 (found beside the sets): a kind of organ said after the English words naming a part of it
(*the office of* …), a place between them or not, is that part of the place: *the office of <place>'s safety
committee* asks of the committee's office, not of the committee.

Each test reads texts right with the rule and checks that they are not read so with the rule off.
"""

from safetykg.query.interpret import Interpreter
from tests.interpreter_off import ID, declined, not_read, reads, switched_off


def test_a_part_of_an_organ_said_with_its_place_inside(interpreter: Interpreter) -> None:
    # Xinjiang's rule names the office of its work safety committee as an organ (新疆细则 第六十九条: 安全生产委员会办公室 …):
    # the office of <place>'s committee, with the place inside the office's label, is that office; off (no words
    # joining a part to its kind), the committee itself was read, confidently
    said = {
        "What does the office of Xinjiang's safety committee have to do?": (
            "organ-profile",
            {"organ": ID + "organ/xinjiang/safety-committee-office"},
        ),
        "Tell me about the office of the Xinjiang work safety committee": (
            "organ-profile",
            {"organ": ID + "organ/xinjiang/safety-committee-office"},
        ),
    }
    reads(interpreter, said)
    off = switched_off(interpreter, parting=())
    not_read(off, said)
    # … and of a place whose rule names no such office as an organ, nothing is read: the office of which organ?
    hubei = "What is the office of Hubei's safety committee tasked with?"
    declined(interpreter, [hubei])
    reading = off.interpret(hubei)
    assert reading.confident and reading.params == {"organ": ID + "organ/hubei/safety-committee"}, reading
    # … the committee said alone is still the committee
    reads(
        interpreter,
        {
            "What is Hubei's safety committee tasked with?": (
                "organ-profile",
                {"organ": ID + "organ/hubei/safety-committee"},
            )
        },
    )
