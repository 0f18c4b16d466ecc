"""Indirect signs of suicide risk strong enough on their own, in the speaker's own voice.

Kinds of statement clinicians treat as warning signs (they are not keyed to any data set):
finality and goodbyes, plans and means, past attempts, being a burden, hopelessness and
having given up, and slang for suicide. Weaker words ("tired", "alone") stay in
harm.CRISIS_WEAK, where two are needed.
"""

from __future__ import annotations

# Slang and euphemisms for killing oneself, and suicidal thoughts named as such.
SLANG = (
    "contemplating suicide", "considering suicide", "thinking about suicide",
    "thought about suicide", "thoughts of suicide", "suicidal thoughts", "suicidal ideation",
    "suicidal feelings", "feel suicidal", "felt suicidal", "feeling suicidal", "off myself",
    "offing myself", "offed myself", "unalive myself", "unaliving myself", "unalive", "kms",
    "kill meself", "end myself", "top myself", "topping myself", "do myself in",
    "doing myself in", "neck myself", "rope myself", "delete myself",
    "put myself out of my misery", "put me out of my misery", "not wake up tomorrow",
    "blow my brains out", "blow my head off", "bullet in my head", "bullet in my brain",
    "bullet through my head", "gun jamming", "lost the will to live", "lost my will to live",
    "losing my will", "lost my will", "no will to live", "losing the will to live",
)

# Finality and goodbyes: the decision is made, the end is near.
FINALITY = (
    "it is too late", "too late for me", "it is already done", "done with this world",
    "done with the world", "done with everything", "done with it all", "done with this life",
    "goodnight everyone", "goodnight my friends", "goodbye my friends", "goodbye all",
    "see you on the other side", "this is the end", "the end for me", "my last night",
    "last night on earth", "not waking up", "will not wake up", "will not be waking up",
    "my time is up", "ready to die", "made my peace", "tonight is the night",
    "the only way out", "only way out", "one way out", "only option left",
    "only thing that will stop", "only thing that will end", "death is the only",
    "death is the answer", "death would be a relief", "welcome death", "death wish",
    "died a long time ago", "already dead inside", "dead inside", "nothing left for me",
    "nothing out there for me", "nothing left to live for", "no future for me",
    "nothing to look forward to", "no point in anything", "no point anymore",
    "no point any more", "pit of despair", "giving up on everything", "give up on everything",
    "tired of fighting", "can not fight anymore", "can not fight any more",
    "can not keep fighting", "do not deserve to live", "do not deserve to be alive",
    "do not deserve help", "do not even deserve", "should not be alive", "should not be here",
    "wish i could sleep forever", "no meaning in my life", "my life has no meaning",
    "my life is meaningless", "hit rock bottom", "all time low", "see no way out",
    "can not see a way out", "can not see a future", "see no future", "no light at the end",
    "last goodbye", "goodbye letter", "goodbye letters", "goodbye note", "writing my note",
    "wrote letters", "gave away my", "giving away my", "world without me",
    "world would be better without me", "put my affairs in order", "affairs in order",
    "sorting out my will",
)

# Plans and means: the method, its means, or research into it.
MEANS = (
    "have a gun", "got a gun", "own a gun", "loaded gun", "gun in my lap", "bought a gun",
    "buying a gun", "buy a gun", "get a gun", "getting a gun", "bought rope",
    "bought some rope", "tied a noose", "tied the noose", "made a noose", "a rope will",
    "have the rope", "have the pills", "got the pills", "saved up pills", "saved my pills",
    "saving my tablets", "saving my pills", "saving up my", "saving up pills", "hoarding pills",
    "hoarding my", "all my pills", "bottle of pills", "enough pills", "enough to kill me",
    "lethal dose", "fatal dose", "painless way", "painless method", "quickest way to die",
    "best way to die", "easiest way to die", "my method", "did my research", "done my research",
    "researched how", "researching how", "looking up how to", "how many would it take",
    "how much would it take", "the train tracks", "on the tracks", "car running in the garage",
    "the bridge tonight", "went to the bridge",
)

# A past attempt that is not told as a recovery story.
PAST_ATTEMPT = (
    "failed attempt", "failed attempts", "attempt failed", "my last attempt",
    "my first attempt", "my second attempt", "survived my attempt", "tried to overdose",
    "tried to od", "tried to hang", "tried to drown", "tried to jump", "tried before",
    "tried it before", "failed both times", "failed twice", "woke up in hospital",
    "woke up in the hospital", "stomach pumped", "took an overdose", "took a bottle",
    "took a handful", "attempted twice", "attempted before", "attempted three times",
    "was a cutter", "am a cutter", "been cutting", "started cutting", "cut again",
    "burned myself again", "relapsed and cut",
)

# Being a burden, and hopelessness said of oneself.
BURDEN_HOPELESS = (
    "a burden", "being a burden", "such a burden", "burden to everyone", "burden to my",
    "burden on my", "burden on everyone", "i feel hopeless", "feeling hopeless",
    "feel so hopeless", "so hopeless", "hopeless feeling", "completely hopeless",
    "totally hopeless", "i have no hope", "no hope left", "have lost all hope", "lost all hope",
    "i am hopeless", "feel trapped", "i am trapped", "nobody would notice",
    "no one would notice", "no one would care", "nobody would care", "they would not care",
    "would not even notice",
    "nobody cares about me", "no one cares about me", "nobody gives a damn about me",
    "nobody gives a shit about me", "out of options", "no options left", "run out of options",
    "too scared to end it", "brave enough to end it", "brave enough to do it", "chickened out",
    "courage to end it", "courage to do it", "guts to do it", "guts to end it",
)

# Struggling to stay safe now: the night ahead, or oneself, feels unsurvivable.
STAYING_SAFE = (
    "get me through the night", "get through the night", "get through tonight",
    "make it through the night", "make it through tonight", "survive the night",
    "survive tonight", "can not keep myself safe", "not safe with myself",
    "not safe from myself", "do not trust myself", "scared of what i might do",
    "scared of what i will do", "afraid of what i might do", "afraid of what i will do",
)

# Harsh judgement of oneself: "I am worthless", "I hate myself".
SELF_LOATHING = (
    "i am pathetic", "i am worthless", "i am useless", "i am a failure", "i am a waste",
    "waste of space", "waste of oxygen", "waste of air", "i hate myself", "i hate who i am",
    "i am disgusting", "i am a disgrace", "i ruin everything", "i ruin everyones",
    "i deserve to suffer", "i deserve this pain", "i deserve the pain",
)

CRISIS_INDIRECT = (SLANG + FINALITY + MEANS + PAST_ATTEMPT + BURDEN_HOPELESS + SELF_LOATHING
                   + STAYING_SAFE)

# Weak cues that name a condition, a treatment, a service, a means or a plain word rather than
# a person's own risk: "the Depression and Anxiety Service", "a talk on depression", "a
# broken hip at the pain clinic", "dead tired". They count only when the writer says them of
# themselves ("I am so depressed"), and two of them make crisis only when at least one is a
# state of the writer (STATE_WORDS), never from topic words alone ("my therapist changed my
# meds").
STATE_WORDS = (
    "depressed", "depression", "anxiety", "panic", "crying", "sad", "so sad", "scared",
    "miserable", "alone", "lonely", "so lonely", "lonely as", "no friends", "empty", "numb",
    "broken", "failure", "a failure", "useless", "pathetic", "exhausted", "exhaustion",
    "drained", "no energy", "can't sleep", "tired", "a mess", "mess", "ruined", "fucked up",
    "screwed up", "freaking out", "not okay", "getting worse", "worse every day",
    "only getting worse", "can't handle", "can not handle", "hurting", "suffering",
    "regret", "can't stop thinking", "hate my", "tired of being", "die", "dying", "dead",
    "death",
)
TOPIC_WORDS = (
    "therapist", "meds", "medication", "psych ward", "hospitalized", "hospitalised",
    "checking myself in", "check myself in", "pain", "painful", "hurts", "torture", "goodbye",
    "pills", "rope", "razor", "blades", "bridge", "gun",
    "a gun", "my gun", "the gun", "oxy", "do it", "end it", "keep going", "keep on going",
    "give up", "dead tired", "dying to", "bored to death", "scared to death", "died laughing",
    "disappear", "anything out there", "no longer want", "not worth it", "reason to stay",
)
VOCABULARY = STATE_WORDS + TOPIC_WORDS
