"""Sexual content, weapons, terrorism, illegal goods, advertising and scams."""

from __future__ import annotations

MENTAL_HEALTH_CONTEXT = (
    "depression", "depressed", "anxiety", "anxious", "suicidal", "suicide", "therapy",
    "therapist", "counselling", "counsellor", "psychiatrist", "meds", "medication",
    "antidepressants", "mental health", "mental illness", "self harm", "panic attacks",
    "panic attack", "ptsd", "bipolar", "lonely", "crying", "my feelings", "i feel", "i felt",
    "feel like", "i am feeling", "my life", "hate myself", "my head", "breakdown", "trauma",
    "overwhelmed", "struggling", "hopeless", "worthless", "recovery", "relapse", "sad",
    "lonely", "alone", "loneliness", "cry", "cried", "hurt", "hurting", "pain", "scared",
    "afraid", "anxious", "stressed", "stress", "miserable", "unhappy", "exhausted", "tired",
    "empty", "numb", "feel", "feeling", "feelings", "felt", "emotions", "emotional",
    "heartbroken", "grief", "grieving", "loss", "breakup", "broke up", "relationship",
    "insecure", "confidence", "self esteem", "ashamed", "guilt", "guilty", "shame",
    "counselor", "doctor", "diagnosed", "hospital", "life", "friends", "family", "help",
    "support", "talk to", "reach out", "hang in there", "you are not alone", "get better",
    "therapists", "psychologist", "disorder", "adhd", "ocd", "bpd", "eating disorder",
    "manic", "mania", "mood", "low", "episode", "get through", "through it", "i hope",
    "hope you", "sorry to hear", "so sorry", "i am sorry", "take care", "stay strong",
    "you can do it", "you got this", "proud of you", "i understand", "been there",
    "know how you feel", "here for you", "talk to someone", "things will get better",
    "depressing", "worries", "worried", "worry", "ect", "pills", "psych", "psych ward",
    "feel bad", "feel like shit", "messed up", "fucked up", "screwed up", "my mind",
)

SEXUAL_EXPLICIT = (
    "porn", "porno", "pornography", "pornographic", "pornhub", "xvideos", "xhamster",
    "onlyfans", "only fans", "nudes", "nude pics", "nude photos", "naked pics",
    "naked photos", "dick pic", "dick pics", "blowjob", "blow job", "handjob", "cumshot",
    "pussy", "tits", "titties", "horny", "sexting", "sext", "camgirl", "cam girl",
    "cam girls", "milf", "milfs", "anal sex", "orgasm", "masturbate", "masturbating",
    "masturbation", "wank", "wanking", "sex chat", "sex video", "sex tape", "sex cam",
    "erotic", "fetish", "bdsm", "naughty pics", "sexy pics", "adult content",
    "18+ content", "stripper", "strip club", "hardcore", "gangbang", "deepthroat",
    "hentai", "big cock", "my cock", "his cock", "suck my", "sit on my face", "fuck me",
    "wanna fuck", "want to fuck", "sexy singles", "hot singles", "xxx videos", "xxx pics",
)
SEXUAL_SOLICITATION = (
    "send nudes", "send me nudes", "send pics", "send me pics", "send me a pic",
    "dm for nudes", "dm me for nudes", "dm for pics", "check my onlyfans",
    "subscribe to my onlyfans", "my onlyfans", "link in bio for", "wanna hook up",
    "want to hook up", "looking for a hookup", "hook up tonight", "sugar daddy",
    "sugar baby", "escort service", "escorts", "meet for sex", "fancy a shag",
    "fwb", "friends with benefits", "want to see me naked", "see me naked",
)
SEXUAL_SAFE = (
    "sexual health", "sexual assault", "sexually assaulted", "sex education",
    "sexual abuse", "sexually abused", "breast cancer", "breastfeeding", "sexual violence",
    "porn addiction", "revenge porn", "sexual harassment", "sexuality", "sex worker",
)

WEAPONS = (
    "gun", "guns", "pistol", "pistols", "rifle", "rifles", "shotgun", "shotguns", "firearm",
    "firearms", "handgun", "handguns", "revolver", "ak47", "ak 47", "ar15", "ar 15", "glock",
    "uzi", "ammo", "ammunition", "bullets", "knife", "knives", "blade", "blades", "machete",
    "machetes", "zombie knife", "zombie knives", "sword", "swords", "katana", "axe",
    "hatchet", "crossbow", "crossbows", "taser", "tasers", "stun gun", "pepper spray",
    "knuckle duster", "knuckle dusters", "brass knuckles", "baton", "nunchucks", "grenade",
    "grenades", "explosives", "explosive", "pipe bomb", "pipe bombs", "bomb", "bombs",
    "ied", "shank", "flick knife", "butterfly knife", "switchblade", "gat", "strap",
    "burner", "ghost gun", "3d printed gun", "silencer", "acid", "hammer", "baseball bat",
    "machetes", "samurai sword", "tooled up",
)
WEAPON_SAFE = (
    "knife crime", "knife amnesty", "gun violence", "gun crime", "bread knife",
    "kitchen knife", "butter knife", "nerf gun", "glue gun", "water pistol", "staple gun",
    "top gun", "bullet points", "bullet point", "awareness", "amnesty", "surrender bin",
    "weapons amnesty", "victim", "victims", "survivor", "campaign", "anti knife",
    "stop knife", "no to knives", "lives not knives", "sword fighting", "fencing",
    "black pepper", "salt and pepper", "stop carrying", "ruins lives", "don't carry",
    "put down the knife", "acid reflux", "folic acid", "amino acid", "acids", "stomach acid",
    "bath bomb", "bath bombs", "bombed", "photo bomb", "the bomb", "da bomb", "axe body",
    "game", "gaming", "video game", "fortnite", "call of duty", "minecraft", "film", "movie",
)
TRADE = (
    "selling", "sell", "sells", "for sale", "buy", "buying", "bought", "wtb", "wts",
    "dm for", "dm me for", "dm me", "message me", "price", "prices", "cheap", "£", "quid",
    "how to make", "make a", "making a", "build a", "3d print", "3d printed", "converted",
    "hmu", "hit me up", "plug", "delivery", "delivered", "drop off", "menu", "in stock",
    "available", "wholesale", "where can i buy", "where can i get", "anyone selling",
    "making", "make", "sells", "who sells",
    "who sells", "looking for", "got some", "got loads", "can get you", "sort you out",
    "no questions asked", "cash only", "discreet", "next day", "postage", "shipping",
)
CARRY = (
    "bringing", "bring", "brought", "carry", "carrying", "carried", "got a", "have a",
    "have got a", "i have got", "taking a", "tooled up", "strapped", "packing", "armed with",
    "in my bag", "in my pocket", "in my coat", "on me", "tucked", "got myself a", "got me a",
    "bought a", "bought myself", "brought a", "bringing a", "tooled up", "armed",
)

TERROR_ORGS = (
    "isis", "isil", "daesh", "islamic state", "al qaeda", "al-qaeda", "alqaeda",
    "al shabaab", "boko haram", "national action", "atomwaffen", "combat 18",
    "blood and honour", "sonnenkrieg", "hamas", "hezbollah", "taliban", "the caliphate",
    "caliphate", "mujahideen", "jihadists", "jihad", "tarrant", "breivik", "dylann roof",
    "bin laden", "the shooter", "the bomber", "the attacker", "lee rigby", "9 11", "911",
    "the manchester bomber", "the christchurch shooter",
)
TERROR_SUPPORT = (
    "join", "joining", "support", "supporting", "long live", "praise", "praise be",
    "hero", "heroes", "martyr", "martyrs", "martyrdom", "glory to", "victory to",
    "pledge allegiance", "baqiyah", "inspired", "inspiring", "legend", "legends", "saint",
    "god bless", "did nothing wrong", "was right", "were right", "deserved it",
    "more attacks", "should happen again", "do it again", "finish the job", "the brothers",
    "soldiers of", "fight for", "die for", "follow", "respect",
)
TERROR_STRONG = (
    "heil hitler", "sieg heil", "1488", "rahowa", "day of the rope", "holy war against",
    "join the jihad", "wage jihad", "soldiers of the caliphate", "saint tarrant",
    "white power", "race war now", "14 words", "the great replacement", "gas the",
    "kill the infidels", "death to the infidels", "death to america", "death to israel",
    "allahu akbar and kill", "accelerate the collapse", "blow myself up",
    "become a martyr", "martyrdom operation", "martyrdom operations",
)
TERROR_RECRUIT = (
    "join us", "join them", "join the", "travel to syria", "make hijrah", "hijrah",
    "pledge allegiance", "sign up", "recruiting", "recruit", "fight for", "how to make a bomb",
    "bomb making", "attack plan", "next target", "dm to join", "our cause", "the cause",
)

DRUGS = (
    "weed", "cannabis", "skunk", "coke", "cocaine", "crack", "heroin", "mdma", "ecstasy",
    "molly", "xanax", "xans", "xannies", "benzos", "valium", "ketamine", "ket", "lsd",
    "shrooms", "magic mushrooms", "meth", "crystal meth", "spice", "nitrous", "nos",
    "oxy", "oxycodone", "oxycontin", "fentanyl", "codeine", "tramadol", "pregabalin",
    "lyrica", "diazepam", "zopiclone", "modafinil", "steroids", "pills", "bud", "ganja",
    "hash", "charlie", "sniff", "pingers", "gear", "downers", "uppers", "edibles", "thc",
    "without a prescription", "without prescription",
)
DRUG_SAFE = (
    "prescribed", "prescription from", "my gp", "my doctor", "my psychiatrist", "pharmacy",
    "pharmacist", "clean", "sober", "sobriety", "recovery", "relapse", "rehab",
    "addiction", "addicted", "used to", "years ago", "overdose", "harm reduction",
    "naloxone", "needle exchange", "drug service", "drugs service", "support group",
    "coca cola", "diet coke", "coke zero", "crack on", "crack of dawn", "cracked",
)
ILLEGAL_GOODS = (
    "fake sick note", "fake sick notes", "fake fit note", "fake fit notes",
    "fake doctors note", "fake doctor's note", "fake id", "fake ids", "fake passport",
    "fake passports", "fake driving licence", "cloned card", "cloned cards",
    "cloned credit cards", "stolen cards", "stolen credit cards", "counterfeit notes",
    "counterfeit money", "fake notes", "fake money", "buy a prescription",
    "sell my prescription", "sell my meds", "selling my meds", "selling prescriptions",
    "prescriptions for sale", "no prescription needed", "no prescription required",
    "no script needed", "buy without a prescription", "sell without a prescription",
    "hacked accounts", "stolen accounts", "fullz", "dumps with pin", "benefit fraud tips",
    "fiddle your benefits", "how to fiddle", "cash in hand no questions", "stolen goods",
    "knock off", "fell off the back of a lorry", "fake covid pass", "fake vaccine pass",
    "fake vaccination card", "fake certificates", "launder money", "money mule",
    "money mules",
)
