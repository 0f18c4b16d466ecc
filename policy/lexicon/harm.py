"""Violence towards others, and crisis (harm to oneself): two lexicons kept strictly apart."""

from __future__ import annotations

# Violent acts. Each is a threat only with a target that is a person or a group.
VIOLENT_VERBS = (
    "kill", "kills", "killed", "killing", "murder", "murders", "murdered", "murdering",
    "slaughter", "slaughtered", "exterminate", "exterminated", "eradicate", "eradicated",
    "wipe out", "wiped out", "get rid of", "gas", "gassed", "hang", "hanged", "hung", "lynch",
    "lynched", "shoot", "shot", "shooting", "stab", "stabbed", "stabbing", "behead",
    "beheaded", "burn", "burned", "burnt", "execute", "executed", "torture", "tortured",
    "rape", "raped", "beat", "beaten", "beat up", "batter", "battered", "punch", "punched",
    "hurt", "harm", "harmed", "attack", "attacked", "strangle", "strangled", "drown",
    "drowned", "bomb", "bombed", "slit", "cut", "snap", "smash", "smashed", "kick",
    "kicked", "run over", "mow down", "butcher", "butchered", "assault", "assaulted",
    "maim", "choke", "choked", "suffocate", "castrate", "neuter", "whip", "flog", "lynching",
    "genocide", "ethnic cleansing", "purge", "string up", "put down", "put an end to",
    "finish off", "take out", "deal with", "sort out", "knock out", "glass", "acid",
    "throw acid", "set fire to", "set on fire", "torch", "blow up", "bash", "deck", "lamp",
    "slap", "thump", "break", "smack", "jump", "batter", "stamp on", "curb stomp",
    "do in", "end", "eliminate", "eliminated", "annihilate", "annihilated", "destroy",
    "suffer", "die", "dies", "died", "dead", "death",
)

# Phrases that are threats or incitement in themselves (with any target).
THREAT_PHRASES = (
    "death to", "kill all", "kill them all", "kill every", "should be killed",
    "should all be killed", "should be shot", "should be hanged", "should be hung",
    "should be executed", "ought to be executed", "ought to be killed", "should be gassed",
    "should be burned", "should be put down", "deserve to die", "deserves to die",
    "deserve to suffer", "deserves to suffer", "deserve to be shot", "should die",
    "should all die", "would all be dead", "hope you die",
    "hope they die", "hope he dies", "hope she dies", "die in a fire",
    "die a horrible death", "horrible death", "at my hands", "you are dead", "you're dead",
    "you're a dead man", "dead man walking", "watch your back", "watch your backs",
    "i know where you live", "we know where you live", "know where you work",
    "i will find you", "i'll find you", "coming for you", "i'm coming for", "you'll pay for this", "you will pay for this", "go die", 
    "go kill yourself", "kill yourself", "kill yourselves", "kys", "neck yourself",
    "get dead", "drink bleach", "hang yourself", "shoot up the",
    "blow up the", "bomb the", "burn down", "burn it down", "torch the", "rot in hell",
    "snap the necks", "snap his neck", "snap her neck", "cut their throats",
    "cut his throat", "cut her throat", "slit their throats", "slit your throat",
    "put a bullet", "bullet in", "cross hairs", "crosshairs", "beat the shit out of",
    "kick the shit out of", "knock your teeth", "smash your face", "smash his face",
    "break your legs", "break your neck", "be lined up", "line them up", "against a wall",
    "gas chamber", "gas chambers", "final solution", "to the ovens", "string them up",
    "wiped off",
    "without mercy", "no mercy", "should suffer", "make them suffer", "make you suffer",
    "want them dead", "want you dead", "wish they were dead",
    "wish you were dead", "deserve to be raped",
    "ass whooping", "good hiding", "a slap", "a good slap", "deserve a beating",
    "needs a beating", 
)

# Targets that make a violent act a threat to people.
PERSON_TARGETS = (
    "you", "your", "yourself", "yourselves", "ya", "him", "her", "them", "they", "his",
    "their", "those", "these", "everyone", "everybody", "anyone", "anybody", "people",
    "person", "staff", "nurse", "nurses", "doctor", "doctors", "receptionist",
    "receptionists", "consultant", "psychiatrist", "therapist", "manager", "managers",
    "worker", "workers", "police", "cops", "officer", "guard", "security", "patients",
    "patient", "man", "woman", "men", "women", "kid", "kids", "child", "children", "boy",
    "girl", "wife", "husband", "son", "daughter", "mum", "dad", "family", "neighbour",
    "neighbours", "bloke", "lad", "guy", "guys", "bitch", "bastard", "cunt", "somebody",
    "someone", "whoever", "every one", "all of you", "ward", "hospital", "clinic", "unit",
    "building", "office", "school", "mosque", "church", "synagogue", "temple", "trust",
)

# Self-harm and suicide, said of oneself. Crisis only: never violence, never removal.
# Explicit: enough on their own when the speaker is the subject (I, me, my).
CRISIS_EXPLICIT = (
    "kill myself", "killing myself", "killed myself", "end my life", "ending my life",
    "end it all", "ending it all", "take my own life", "taking my own life", "take my life",
    "end my own life", "commit suicide", "committing suicide", "suicidal", "suicide attempt",
    "attempted suicide", "attempt suicide", "want to die", "wanna die", "want to be dead",
    "wish i was dead", "wish i were dead", "wish i wasn't alive", "wish i was never born",
    "wish i had never been born", "rather be dead", "rather die",
    "don't want to live", "don't want to be alive", "don't want to exist",
    "don't want to wake up", "hope i don't wake up", "never wake up again",
    "hang myself", "hanging myself", "overdose", "overdosed", "overdosing", "od",
    "take all my pills", "take all the pills", "took all my pills", "slit my wrists",
    "slit my wrist", "cut my wrists", "cut myself", "cutting myself", "cutting again",
    "self harm", "self harming", "self harmed", "harm myself", "harming myself",
    "hurt myself", "hurting myself", "burn myself", "burning myself", "throw myself",
    "drown myself", "shoot myself", "gas myself", "starve myself", "no reason to live",
    "nothing to live for", "no point living", "no point in living", "no point going on",
    "not worth living", "life isn't worth living", "life is not worth living",
    "tired of living", "sick of living", "done with life", "done with living",
    "give up on life", "giving up on life", "want it all to end", "better off dead",
    "won't be here tomorrow", "won't be here much longer", "will not be here tomorrow",
    "won't be around much longer", "not be here tomorrow", "not be around much longer",
    "this is goodbye", "goodbye everyone", "goodbye world", "final goodbye", "my last post",
    "my final post", "my last tweet", "suicide note", "written my note", "wrote my note",
    "written a note", "better off without me", "be better off without me",
    "nobody would miss me", "no one would miss me", "no one would care if i died",
    "nobody would care if i died", "put myself to sleep forever", "go to sleep forever",
    "sleep forever", "not be here anymore", "stockpiling", "stockpiled my",
    "saved up my pills", "tried to kill myself", "tried to end my life", "tried to end it",
    "jump off", "jump in front of", "step in front of a train", "in front of a train",
    "can't go on", "cannot go on", "can't carry on", "cannot carry on", "end it tonight",
    "end it today", "end things", "ending things", "my life is over", "kill me now",
    "can't live like this anymore", "can't keep living", "cannot keep living",
    "want to disappear forever", "want to stop existing", "stop existing", "cease to exist",
    "plan to end", "planning to end", "say goodbye", "saying my goodbyes", "my funeral",
)

# Indirect and weaker signs: crisis when two appear, or one with first-person distress.
CRISIS_WEAK = (
    "want it to end", "want it to stop", "make it stop", "make the pain stop", "end the pain",
    "end this pain", "can't do this anymore", "can't do this any more",
    "can't take it anymore", "can't take this anymore", "can't cope anymore", "can't cope",
    "hopeless", "no hope", "worthless", "empty", "numb", "trapped", "unbearable",
    "can't stop crying", "want to disappear", "no way out", "the only way out", "a burden",
    "burden to", "burden on", "pills", "rope", "noose", "razor", "blades", "bridge", "die",
    "dying", "dead", "death", "hate myself", "hate my life", "i'm done", "nothing matters",
    "give up", "given up", "lost all hope", "lost hope", "can't live like this", "goodbye",
    "alone", "lonely", "depressed", "depression", "miserable", "pointless", "no point",
    "exhausted", "can't sleep", "failure", "useless", "hurts", "pain", "suffering", "scared",
    "kill me", "end me", "no future", "nobody cares", "no one cares", "not okay", "crying",
    "broken", "falling apart", "hate everything", "meaningless", "no purpose", "tired",
)

# Someone else at risk (a friend, a relative, a stranger on a bridge).
CRISIS_OTHERS = (
    "kill himself", "kill herself", "kill themselves", "killing himself", "killing herself",
    "end his life", "end her life", "end their life", "take his own life",
    "take her own life", "take their own life", "is suicidal", "suicidal", "took an overdose",
    "taken an overdose", "has overdosed", "threatening to jump", "going to jump",
    "on the bridge", "on a bridge", "on the roof", "on a roof", "self harming",
    "cutting herself", "cutting himself", "harming herself", "harming himself",
    "wants to die", "said goodbye", "suicide note", "left a note", "missing and",
    "tried to kill himself", "tried to kill herself", "tried to hang",
)
