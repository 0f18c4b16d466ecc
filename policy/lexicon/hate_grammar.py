"""Words the hate grammar rules read: the slots of a sentence shape, not hateful phrases.

Content slots (what humanity, removal, death and animals are called) go through the phrase
matcher like every other list; the function words that hold the shape together (copulas,
modals, adverbs) are read as tokens.
"""

from __future__ import annotations

# Predicates of being human: denied of a group ("... are not human").
HUMANITY = ("human", "humans", "human beings", "human being", "people", "persons", "a person",
            "real people", "real humans", "fully human", "men", "women")
# Words between "not" and the humanity word that do not change the denial.
HUMANITY_HEDGES = frozenset({"even", "really", "fully", "truly", "actually", "real", "proper",
                             "100", "%", "100%", "percent", "quite", "completely", "entirely"})

# Removing people from a place.
REMOVAL = (
    "deport", "deported", "deporting", "deportation", "deportations", "expel", "expelled",
    "expelling", "banish", "banished", "send back", "sent back", "send home", "ship back",
    "shipped back", "ship them back", "kick out", "kicked out", "throw out", "thrown out",
    "boot out", "booted out", "drive out", "driven out", "chase out", "chased out",
    "round up", "rounded up", "ban", "banned", "evict", "evicted", "get rid of",
    "be removed", "keep out", "kept out", "go back", "gtfo", "out of our country",
)

# Death or killing wished on people.
DEATH = (
    "die", "dies", "all die", "be wiped out", "wipe out", "wiped out", "wipe them out",
    "exterminate", "exterminated", "extermination", "eradicate", "eradicated", "eliminate",
    "eliminated", "annihilate", "annihilated", "be gassed", "gas", "gassed", "be killed",
    "kill", "killed", "be hanged", "hang", "hanged", "be shot", "shoot", "be burned", "burn",
    "purge", "purged", "cleanse", "cleansed", "genocide", "put down", "put to death",
    "wiped off", "erase", "erased", "slaughter", "slaughtered", "massacre", "perish", "rot",
    "sterilise", "sterilised", "sterilize", "sterilized", "castrate", "castrated",
    "death to", "disappear", "vanish",
)
# Extinction as a state, which a group can be said to be in ("... are almost extinct").
EXTINCT = ("extinct", "extinguished", "dying out", "die out", "wiped out", "go extinct",
           "gone extinct", "become extinct")
# Death words that are a call on their own when they open a clause.
IMPERATIVE_DEATH = frozenset({"exterminate", "eradicate", "annihilate", "gas", "purge",
                              "cleanse", "slaughter", "massacre", "eliminate", "erase",
                              "kill", "hang", "shoot", "burn", "death"})

# Animals, vermin and disease, when a group is compared to them.
ANIMALS = (
    "animals", "animal", "rats", "rat", "vermin", "cockroaches", "roaches", "dogs", "pigs",
    "apes", "monkeys", "rabbits", "ants", "insects", "parasites", "leeches", "maggots",
    "cattle", "sheep", "goats", "beasts", "livestock", "pests", "termites", "lice", "fleas",
    "locusts", "snakes", "worms", "cancer", "a cancer", "plague", "a plague", "disease",
    "a disease", "virus", "a virus", "tumour", "a tumour", "infection", "bacteria", "germs",
    "savages", "hyenas", "baboons", "chimps", "gorillas", "mongrels", "swarm", "a swarm",
)

COPULA = frozenset({"are", "is", "were", "was", "be", "being", "r"})
# Words that make a death or removal word a call ("should be", "need to be", "deserve to"),
# not a report of what happened ("were deported", "have been killed").
MODALS = frozenset({"should", "must", "need", "needs", "ought", "deserve", "deserves", "gotta",
                    "shall", "will", "shoulda", "oughta"})
WISH = frozenset({"hope", "wish", "want", "pray", "praying", "hoping", "wishing"})
ADVERBS = frozenset({"all", "just", "really", "literally", "so", "such", "always", "only",
                     "basically", "simply", "truly", "clearly", "naturally", "nothing",
                     "but", "still", "also", "too", "very", "indeed", "finally", "almost",
                     "nearly", "mostly", "totally", "completely", "genuinely", "inherently",
                     "a", "an", "the", "bunch", "of", "like", "as", "most", "absolute",
                     "absolutely", "utterly", "utter", "fucking", "bloody", "damn", "pure",
                     "complete", "total", "proper", "real", "actual", "actually", "biggest"})
# Words that make a statement about every member of a group ("all", "typical").
QUANTIFIERS = frozenset({"all", "most", "every", "typical", "these", "those", "any"})
# "Like the cheeky little monkeys they are": fondness, not contempt.
ENDEARING = frozenset({"little", "cheeky", "cute", "lovely", "sweet", "wee", "happy", "busy",
                       "playful", "brave", "clever"})
COMPARE = frozenset({"like", "as", "than"})
# Verbs of breeding and swarming, when people are said to do them "like" animals.
BREEDING = frozenset({"breed", "breeds", "breeding", "multiply", "multiplying", "reproduce",
                      "reproducing", "swarm", "swarming", "spawn", "spawning", "spread",
                      "spreading", "infest", "infesting"})
# How someone was treated, when the comparison is the writer's complaint about it.
MISTREATED = frozenset({"treated", "treat", "treating", "treats", "handled", "kept", "housed",
                        "herded", "fed", "spoken", "talked", "looked", "caged"})
# Words that look back to a group already named ("deport them all").
REFER_BACK = frozenset({"them", "they", "these", "those"})
# Words ending "-less" that praise rather than denigrate.
GOOD_LESS = frozenset({"fearless", "selfless", "tireless", "flawless", "priceless", "harmless",
                       "blameless", "peerless", "timeless", "spotless", "faultless",
                       "dauntless", "homeless", "helpless", "defenceless", "defenseless",
                       "voiceless", "stateless", "countless", "regardless", "nevertheless",
                       "doubtless", "endless", "limitless", "boundless", "ageless"})

# Where a group is told to get out of.
HOMELAND = frozenset({"country", "land", "nation", "continent", "town", "city", "streets"})

# Existence, wished away from a group ("I wish X didn't exist").
EXIST = ("exist", "existed", "existing", "be born", "been born", "ever existed")
# Words that deny the existence wished for ("did not", "never", "no longer", "stopped").
NOT_EXIST = frozenset({"not", "never", "longer", "stopped", "ceased", "cease", "stop"})
# Whose world would be better without a group.
BETTER_WITHOUT_PLACES = frozenset({"world", "country", "planet", "earth", "society", "nation",
                                   "everyone", "everybody", "humanity", "europe", "town"})
