"""Words and phrases that carry hostility, and the words that undo it (negation, quotation).

Phrases are written naturally ("can't stand"); the matcher canonicalises them like posts
("can not stand"), so one spelling covers don't / dont / do not.
"""

from __future__ import annotations

# Calling people vermin, disease or filth.
DEHUMANISING = (
    "scum", "scumbag", "scumbags", "vermin", "rats", "rat", "cockroaches", "cockroach",
    "roaches", "parasites", "parasite", "leeches", "leech", "animals", "animal", "beasts",
    "beast", "apes", "ape", "monkeys", "monkey", "pigs", "pig", "swine", "dogs", "subhuman",
    "sub human", "subhumans", "untermensch", "creatures", "trash", "garbage", "rubbish",
    "filth", "human garbage", "human trash", "human waste", "waste of space",
    "waste of oxygen", "plague", "disease", "diseased", "virus", "cancer", "tumour", "tumor",
    "infestation", "infest", "infesting", "infested", "swarm", "swarms", "swarming", "horde",
    "hordes", "invaders", "invasion", "savages", "savage", "barbarians", "primitive",
    "insects", "maggots", "worms", "snakes", "abomination", "abominations", "freaks", "freak",
    "mutants", "degenerates", "degenerate", "perverts", "pervert", "pests", "pest",
    "sewer rats", "filthy animals", "lesser beings", "lesser being", "not human",
    "less than human", "inferior race", "mistake of nature", "mistakes of nature",
    "defective", "vermins", "pieces of shit", "piece of shit", "subspecies", "mongrels",
    "nothing but refuse", "human scum", "monkey", "gorillas",
    "baboons", "breeders", "cattle", "feral", "bacteria", "germs", "a plague",
    # Comparisons that make people less than human ("breed like rats").
    "like rats", "like cockroaches", "like animals", "like vermin",
    "breed like rats", "breed like rabbits", "goblins",
)

# Negative attributes predicated of a group ("X are disgusting", "stupid X").
NEGATIVE_ATTRIBUTES = (
    "disgusting", "revolting", "repulsive", "repugnant", "vile", "filthy", "dirty", "stupid",
    "stupidest", "dumb", "dumbest", "idiots", "idiot", "idiotic", "morons", "moronic",
    "imbeciles", "ignorant", "dishonest", "liars", "lying", "pathetic", "worthless",
    "useless", "inferior", "evil", "violent", "dangerous", "criminals", "thieves", "thugs",
    "rapists", "terrorists", "paedophiles", "pedophiles", "nonces", "lazy", "freeloaders",
    "ugly", "gross", "sick", "sickening", "nasty", "horrible", "despicable", "contemptible",
    "a disgrace", "disgraceful", "brainless", "low iq", "thick", "clowns", "a joke",
    "assholes", "arseholes", "bastards", "shitty", "crap", "shit", "greedy", "sneaky",
    "untrustworthy", "cowards", "cowardly", "weak", "mentally ill", "insane",
    "crazy", "deranged", "fucked in the head", "messed up in the head", "perverted",
    "dangerous", "a threat", "a menace", "a burden", "a drain", "burden", "menace", "threat",
    "abnormal", "unnatural", "sinful", "wicked", "hideous", "stinking", "stink", "smelly",
    "lowlife", "lowlifes", "losers", "inbred", "backward", "uncivilised", "uncivilized",
    "ungrateful", "entitled", "hysterical", "irrational", "retarded", "fucked up",
    "a waste", "worthless scum", "annoying", "toxic", "harmful", "horrible",
    "the worst", "evil", "cruel", "pointless", "no good", "good for nothing", "a problem",
    "the problem", "fake", "frauds", "scammers", "cheats", "cheaters", "beggars", "spongers",
    "scroungers", "bludgers", "pissing me off", "repellent", "abhorrent", "stupidity",
    "ridiculous", "laughable", "dim", "dimwitted", "simple minded", "incapable",
    "uneducated", "illiterate", "unhygienic", "infidels", "worth nothing",
    "worth absolutely nothing", "are worthless", "dickheads", "dickhead",
    "wankers", "twats", "pricks", "cunts", "shitheads", "idiots", "dipshits", "scumbags",
    "the stupidest", "stupidest people", "the worst people", "fucked in the head",
    "a mistake", "the biggest mistake", "a disaster", "a liability", "useless people",
    "less intelligent", "more intelligent than", "smarter than", "better than them",
    "absolute worst", "worst", "not worth anything", "worth shit", "not worth shit",
    "worth fuck all", "never attractive", "unattractive",
    "dumbass", "dumbasses", "hypocrites", "hypocrite", "weirdest", "weirdos", "degraded",
    "subpar", "devolving", "devolved", "goons", "scam", "brainwashed", "backwards",
    "supremacists", "powerless",
)

# Hostile feelings about a group ("I hate X", "X disgust me").
NEGATIVE_EMOTIONS = (
    "hate", "hates", "hated", "hating", "hatred", "despise", "despises", "despised", "loathe",
    "loathes", "loathing", "detest", "detests", "can't stand", "cannot stand", "can't bear",
    "sick of", "sick and tired of", "tired of", "fed up with", "fed up of", "disgusted by",
    "disgusted with", "disgust", "disgusts", "revolted by", "repulsed by", "contempt",
    "disdain", "rage", "fury", "makes me sick", "make me sick", "make me angry",
    "makes me angry", "pisses me off", "piss me off", "pissing me off", "annoy me",
    "nauseate me", "nauseates me", "cannot tolerate", "can't tolerate", "have no time for",
    "no respect for", "like less than", "abhor", "abhors", "resent", "resents", "repulse",
    "repulses", "dislike", "dislikes", "want nothing to do with", "do not like",
    "don't like", "angry", "so angry",
    "furious", "enraged", "infuriate", "infuriates", "infuriating", "pissed off",
    "pissed off by", "sick to death of", "fill me with", "fills me with", "no compassion",
    "no sympathy", "no patience", "no respect", "can not stand", "never liked",
)

# Exclusion and implicit derogation ("belong in a zoo", "send them back").
EXCLUSION = (
    "belong in a zoo", "belong in zoos", "belong in cages", "belong in a cage",
    "belong in prison", "belong in the bin", "belong in the trash", "belong in the gutter",
    "belong in an asylum", "belong in a mental asylum", "locked up", "lock them up",
    "lock up", "in cages", "put in cages", "have no place", "has no place", "no place in",
    "no place for", "not welcome", "are not welcome", "go back to", "go back where",
    "send them back", "send back", "sent back", "deport", "deported", "deporting",
    "deport them", "kick them out", "kicked out", "keep them out", "keep out", "banned from",
    "should be banned", "be banned", "ban them", "shouldn't be allowed", "should not be allowed",
    "not be allowed", "should never be allowed", "ruin our country", "ruin this country",
    "ruining our country", "ruining this country", "ruined our country", "will ruin",
    "are ruining", "taking over", "take over", "taken over", "breed like", "outbreed",
    "never trust", "can't be trusted", "cannot be trusted", "shouldn't be trusted",
    "do not belong", "don't belong", "doesn't belong", "does not belong", "not belong here",
    "test new drugs on", "test drugs on", "experiment on", "sterilise", "sterilised",
    "sterilized", "segregated", "segregate", "should be segregated", "second class",
    "second class citizens", "stay in the kitchen", "make me a sandwich",
    "should not vote", "shouldn't vote", "should not work", "shouldn't have rights",
    "no rights", "stripped of", "should be stripped", "be removed", "should be removed",
    "get out of our country", "get out of my country", "out of our country", "leave our country",
    "invading", "replacing us", "replace us", "destroying our", "destroy our",
    "not fit to", "unfit to", "unfit for", "not our equal", "not equal", "than animals",
    "than a woman", "than an immigrant", "than a dog", "are the reason", "are to blame",
    "blame them", "is to blame", "should be ashamed", "shame on them", "a mental illness",
    "is a mental illness",
    "mental disorder", "an illness", "need medication", "need medications", "need fixing",
    "need to be cured", "should be cured", "conversion therapy", "a sin",
    "go to hell", "will burn in hell", "burn in hell", "back in the closet",
    "have no business", "will never fit in", "never fit in", "don't fit in", "refuse to fit in",
    "no better than", "can't stop themselves", "cannot stop themselves",
    "can't help themselves", "cannot help themselves", "no space on this planet", "no space",
    "no room for", "no room in", "dumped in", "dumped", "landfill", "in a landfill",
    "thrown in the bin", "in the sea", "nothing worse than", "worse than", "like less than",
    "more intelligent than", "should not be in charge",
    "shouldn't be in charge", "never be in charge", "kept away from", "kept out of",
    "should be kept", "should be avoided", "avoid them", "stay away from",
    "care more about", "dirt under my shoe", "rather die than", "touched by a",
    "only good for", "good only for", "good for nothing but",
    "belong in the kitchen", "not accepted", "return to your",
    "back to your homeland", "your own country",
    "why people care", "baffles me", "scorn", "utter scorn",
    # Denying a group's place or existence, and calls to remove it.
    "do not want them here", "want them out", "want them gone", "get rid of them",
    "evict", "evicting", "expel", "expelled", "should be expelled", "why does",
    "should not exist", "no reason to exist",
    "not part of", "do not allow", "never allow", "stop them",
    "take them down", "build that wall", "build the wall", "round them up",
    "ethnic cleansing", "send them all back",
    # Blaming a group, or shaming people for who they are.
    "is why", "are why", "ashamed of your",
)

# General hostility: words that, in a post naming a group, make the post hostile to it.
HOSTILE = (
    "war", "subordinate", "property", "slavery", "slaves", "slave", "superior", "superiority",
    "inferior", "kneel", "crime", "crimes", "criminal", "terrorist", "terrorists", "terror",
    "aids", "sinful", "devil", "satan", "satanic", "demonic", "deport", "expel", "invaders",
    "weird", "weirdest", "weirdos", "freaks", "abnormal", "unnatural", "nazi", "nazis",
    "hitler", "goblin", "goblins", "jungle", "zoo", "cage", "nuke", "shithole",
    "shitholes", "backward", "hypocrites", "hypocrite", "propaganda", "degeneracy",
    "cuckold", "whiny", "crybabies", "welfare", "problematic", "harmful", "brainwashed",
    "cult", "paedophile", "pedophile", "paedophiles", "pedophiles", "pedo", "pedos",
    "groomers", "disorder", "medications", "clown", "clowns", "moron", "idiot", "dumb",
    "ignorant", "stupid", "disgusting", "gross", "ugly", "smelly", "stinks", "stinky",
    "racists", "supremacy", "deceiving", "deceitful", "liars", "lying", "cheating",
    "thugs", "savages", "barbaric", "barbarians", "uncivilised", "parasites", "leeches",
    "scroungers", "freeloaders", "burden", "plague", "infest", "multiply", "breed",
    "breeding", "overrun", "flood", "flooding", "swamped", "invaded", "replace",
    "destroying", "ruining", "joke", "jokes", "pathetic", "weak", "useless",
    "worthless", "hate", "hated", "disgust", "despise", "kill", "die", "death", "dead",
    "hang", "hanged", "shoot", "burn", "gas", "punch", "beat", "slap", "smack", "whip",
    "lynch", "exterminate", "vanish", "extinct", "extinction", "abortion", "abortions",
    "sterilise", "mental", "insane", "crazy", "psycho", "sick", "disease", "diseased",
    "corrupt", "corrupted", "murderers", "murderer", "rapists", "evil", "scum", "trash",
    "garbage", "filth", "filthy", "dirty", "animals", "monkeys", "apes", "cockroaches",
    "vermin", "rats", "pigs", "dogs", "fuck", "fucking", "shit", "cunt", "bitch", "damn",
    "hell", "fat", "lazy", "thieves", "steal", "stealing", "looting", "degraded",
    "looked down upon", "looked down on", "go back", "get out", "get lost", "send them",
    "destroy", "destroying", "cows", "racist", "made for", "nothing else",
    "extinguished", "awful", "do not care about",
    "not even people", "not real people",
    "imaginary", "failure", "freak show", "mutant", "confused", "mentally ill",
    "not accepted", "unacceptable", "abomination", "disgrace", "shame", "ashamed",
)

# Positive attributes; negated about a group they become hostile ("X are not our equal").
POSITIVE = (
    "equal", "equals", "human", "humans", "human beings", "people too", "deserve to live",
    "right to live", "right to exist", "right to be alive", "deserve rights", "human rights",
    "matter", "matters", "important", "valued", "valuable", "worth", "worthy", "welcome",
    "belong", "belong here", "deserve respect", "respect", "trusted", "trust", "save",
    "equal rights", "same rights", "as good as", "be alive", "to live", "live",
    "lift a finger", "deserve", "deserve to be", "allowed to", "intelligent", "smart",
    "capable", "normal", "real", "real women", "real men", "valid", "be trusted",
    "compassion", "sympathy", "apply", "apply to", "count", "attractive", "beautiful",
    "deserve a place",
    "place in society", "part of society", "welcome here", "worth saving", "deserve help",
)

POSITIVE_PRAISE = (
    "amazing", "gorgeous", "beautiful", "wonderful", "fantastic", "brilliant", "lovely",
    "kind", "compassionate", "a blessing", "blessing", "great", "awesome", "inspiring",
    "inspirational", "heroes", "brave", "strong", "love", "adore", "admire", "look up to",
    "embrace", "support", "proud", "celebrate", "respect", "welcome", "cherish", "genius",
    "hot", "happily", "fellow", "sending love", "stand with", "stand by",
)

NEGATORS = (
    "not", "never", "no", "neither", "nor", "hardly", "no longer", "cannot", "refuse to",
    "wouldn't", "would never", "must not", "should not", "shouldn't", "mustn't", "won't",
    "opposite of", "far from",
    "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "ain't",
)

# Words that frame the hostile words as something someone else said (quotation, reporting).
REPORTING = (
    # Asking about or reflecting back someone else's view ("do you consider X unnatural?",
    # "sounds like you're angry at X"), or what others called or told someone.
    "do you think", "do you consider", "do you just consider", "do you believe",
    "sounds like you", "call me a", "called me a", "calls me a", "tell you to", "told me to",
    "told you to",
    "said", "say", "saying", "says", "calling", "called", "write", "writing", "wrote",
    "written", "statements", "statement", "comments like", "messages like", "words like",
    "tweets like", "posts like", "phrases like", "language like", "things like", "stuff like",
    "rhetoric", "claim that", "claims that", "claiming that", "chanting", "shouting",
    "shouted", "yelled", "slurs", "slur", "jokes about", "joke about", "the word",
    "the n word", "referred to", "refer to", "described as", "describing", "told me that",
    "told us that", "repeating", "quote", "quoting", "sent me", "send me messages",
    "when you said", "you said", "he said", "she said", "they said",
    "can not seriously believe", "seriously believe", "can not believe that",
    "threatening to", "threaten to", "threatens to", "threats to", "threats of",
    "calling for", "call for", "calls for", "called for", "telling", "tells people",
    "treats", "treating", "people who say", "anyone who says", "those who say",
)

# Words that condemn hostility (counter-speech). Not words that hate itself uses ("vile").
CONDEMN = (
    "not okay", "not ok", "never okay", "never ok", "unacceptable", "not acceptable",
    "hurtful", "bigoted", "bigot", "bigots", "bigotry", "hateful", "hate speech", "hate crime",
    "hate crimes", "hate mail", "racist", "racism", "homophobic", "homophobia", "transphobic",
    "transphobia", "sexist", "sexism", "misogynist", "misogynistic", "misogyny",
    "islamophobic", "islamophobia", "antisemitic", "antisemitism", "ableist", "ableism",
    "xenophobic", "xenophobia", "discrimination", "discriminatory", "prejudice",
    "prejudiced", "misguided", "shows how", "says a lot about", "says more about",
    "reflect well", "reflects badly", "call out", "calling out", "stand against",
    "stand up against", "stand up to", "condemn", "condemns", "will get blocked",
    "get blocked", "out of order", "lost all respect", "lost respect", "shame on you",
    "should be ashamed", "no excuse for", "not funny", "offensive", "dehumanising",
    "dehumanizing", "not cool", "deeply hurtful", "so hurtful", "is wrong", "was wrong",
    "it is wrong", "never acceptable", "no place for hate", "no place for racism",
    "do not say", "stop saying", "stop calling", "not say", "disheartening",
    "heartbreaking", "sad to see", "never support", "should never support",
    "do not support", "stand up for", "get you thrown in jail", "thrown in jail",
    "no respect for people who", "people who write", "people who say",
    "get you arrested", "is a crime", "illegal to", "will get you banned",
)

PROFANITY_STRONG = (
    "fuck", "fucks", "fucked", "fucking", "fuckin", "fucker", "fuckers", "motherfucker",
    "motherfuckers", "motherfucking", "fuckwit", "fuckwits", "fuckface", "fuckhead",
    "fucktard", "fucktards", "cunt", "cunts", "cunting", "fck", "fcking", "fuk", "fking",
    "fkn", "effing", "wtf", "stfu", "gtfo", "mf", "mofo", "fuck off", "fuck you",
    "cocksucker", "cocksuckers",
)
PROFANITY_MILD = (
    "shit", "shite", "shits", "shitty", "shitting", "shithead", "shitheads", "bullshit",
    "bullshitting", "horseshit", "bastard", "bastards", "asshole", "assholes", "arsehole",
    "arseholes", "arse", "ass", "dumbass", "dumbasses", "jackass", "dickhead", "dickheads",
    "dickheads", "prick", "pricks", "wanker", "wankers", "wank", "twat", "twats",
    "tosser", "tossers", "bollocks", "piss", "pissed", "pissing", "piss off", "bellend",
    "knobhead", "douchebag", "douche", "bitch", "bitches", "bitching", "son of a bitch",
    "goddamn", "goddam", "bloody hell", "crap", "crappy", "slag", "munter", "minger",
    "sod off", "bugger", "buggered", "arsed", "screw you", "pillock",
)

# Insults aimed at one person ("you absolute ...").
INSULT_NOUNS = (
    "idiot", "idiots", "moron", "morons", "imbecile", "cretin", "loser", "losers", "scum",
    "scumbag", "filth", "trash", "garbage", "waste of space", "waste of oxygen", "pig",
    "cow", "fat cow", "fat pig", "bitch", "cunt", "twat", "prick", "dickhead", "wanker",
    "tosser", "asshole", "arsehole", "bastard", "clown", "joke", "disgrace", "creep",
    "weirdo", "freak", "parasite", "leech", "snake", "rat", "liar", "fraud", "pervert",
    "nonce", "slag", "slut", "whore", "skank", "dog", "muppet", "numpty", "plonker",
    "piece of shit", "piece of work", "lowlife", "dumbass", "jackass", "douchebag",
    "bellend", "knobhead", "shithead", "fuckwit", "nutter", "psycho", "retard",
    "the absolute worst", "the worst", "cockroach", "vermin", "animal", "monster",
    "sad little man", "sad little woman", "mug", "melt", "bint", "witch", "tramp", "hag",
    "old bag", "dinosaur", "jobsworth", "leech", "troll", "lowlifes", "cowards", "coward",
)
INSULT_ADJECTIVES = (
    "pathetic", "disgusting", "vile", "filthy", "stupid", "dumb", "thick", "ugly", "fat",
    "worthless", "revolting", "repulsive", "evil", "cruel", "nasty", "spineless", "brainless",
    "pig ignorant", "despicable", "sick", "twisted", "deranged", "insane", "braindead",
    "brain dead", "hideous", "gross", "absolute filth", "the absolute worst", "the worst",
    "scum", "a complete asshole", "violent", "creepy", "contemptible", "a disgrace",
    "retarded", "psychotic", "that violent", "so violent", "a waste of space",
)
