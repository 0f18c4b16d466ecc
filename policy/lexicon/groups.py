"""Who hate is aimed at: the Equality Act 2010 protected characteristics plus the trust's own
(mental or physical diagnosis, social or financial status).

Written in plain lower case; the matcher canonicalises them the same way as posts.
"""

from __future__ import annotations

AGE = "age"
DISABILITY = "disability"
GENDER_REASSIGNMENT = "gender reassignment"
MARRIAGE = "marriage and civil partnership"
PREGNANCY = "pregnancy and maternity"
RACE = "race"
RELIGION = "religion or belief"
SEX = "sex"
ORIENTATION = "sexual orientation"
DIAGNOSIS = "mental or physical diagnosis"
STATUS = "social or financial status"
UNNAMED = "a group not named (people like you, these people)"

# Adjectives that name a group when followed by a people noun ("gay people", "trans lives").
GROUP_ADJECTIVES: dict[str, tuple[str, ...]] = {
    AGE: ("old", "elderly", "older", "young", "teenage"),
    DISABILITY: ("disabled", "autistic", "deaf", "blind", "handicapped", "crippled",
                 "wheelchair bound", "learning disabled", "dyslexic", "downs syndrome"),
    GENDER_REASSIGNMENT: ("trans", "transgender", "transsexual", "non binary", "nonbinary"),
    MARRIAGE: ("married", "divorced"),
    PREGNANCY: ("pregnant", "breastfeeding"),
    RACE: ("black", "white", "asian", "brown", "african", "arab", "indian", "pakistani",
           "chinese", "mexican", "latino", "hispanic", "jewish", "romanian", "polish",
           "nigerian", "somali", "eastern european", "foreign", "immigrant", "migrant",
           "refugee", "russian", "gypsy", "traveller", "irish", "bangladeshi", "turkish",
           "albanian", "afghan", "syrian", "native", "aboriginal", "ethnic", "mixed race",
           "illegal", "american", "canadian", "european", "norwegian", "scandinavian",
           "swedish", "german", "french", "italian", "spanish", "serbian", "bulgarian",
           "english", "british", "scottish", "welsh", "ukrainian", "israeli", "palestinian"),
    RELIGION: ("muslim", "islamic", "christian", "catholic", "hindu", "sikh", "buddhist",
               "atheist", "religious", "jew"),
    SEX: ("female", "male"),
    ORIENTATION: ("gay", "lesbian", "bisexual", "bi", "queer", "homosexual", "lgbt", "lgbtq",
                  "lgbtq+", "pansexual", "asexual"),
    DIAGNOSIS: ("mentally ill", "schizophrenic", "bipolar", "psychotic", "depressed",
                "suicidal", "anorexic", "adhd", "autism", "hiv positive", "mental health",
                "psychiatric", "addicted", "obese", "fat"),
    STATUS: ("poor", "homeless", "unemployed", "working class", "council estate", "jobless"),
}

PEOPLE_NOUNS = (
    "people", "person", "persons", "folk", "folks", "men", "man", "women", "woman", "kids",
    "children", "lives", "guys", "girls", "boys", "individuals", "community", "communities",
    "patients", "families", "immigrants", "migrants", "refugees", "mothers", "mums", "moms",
    "parents", "couples", "teenagers", "students", "workers", "youths", "users", "citizens",
    "neighbours", "population", "race", "races", "females", "males", "ones", "lot", "boy",
    "girl", "dude", "dudes", "bloke", "blokes", "lad", "lads", "guy", "chick", "chicks", "kid",
    "child", "baby", "babies", "priest", "priests", "teacher", "teachers", "teen", "teens",
    "family", "wives", "husbands", "son", "sons", "daughter", "daughters", "neighbour",
    "lady", "ladies", "friends", "friend", "country", "countries", "nation", "nations",
    "culture", "cultures", "accent", "names", "society", "world", "areas", "neighbourhood",
    "neighbourhoods", "invasion", "immigration", "scum", "trash",
)

# Nouns that name a group on their own (plural and singular forms both listed).
GROUP_NOUNS: dict[str, tuple[str, ...]] = {
    AGE: ("pensioners", "pensioner", "oaps", "oap", "boomers", "boomer", "the elderly",
          "old people", "millennials", "teenagers", "old codgers", "old biddies"),
    DISABILITY: ("disabled", "the disabled", "autists", "amputees", "wheelchair users",
                 "people with disabilities", "people with learning disabilities",
                 "dyslexics", "the handicapped", "deaf people", "blind people"),
    GENDER_REASSIGNMENT: ("trans", "transgenders", "transgender", "transsexuals",
                          "transsexual", "transwomen", "transmen", "trans women", "trans men",
                          "enbies", "non binaries"),
    MARRIAGE: ("married couples", "same sex couples", "civil partners", "divorcees"),
    PREGNANCY: ("pregnant women", "new mums", "new mothers", "single mothers", "single mums",
                "breastfeeding mothers", "expectant mothers"),
    RACE: ("blacks", "whites", "asians", "africans", "arabs", "indians", "pakistanis",
           "chinese", "mexicans", "latinos", "hispanics", "jews", "jew", "gypsies", "roma",
           "travellers", "immigrants", "immigrant", "migrants", "migrant", "refugees",
           "refugee", "asylum seekers", "asylum seeker", "foreigners", "foreigner",
           "illegals", "illegal immigrants", "people of colour", "people of color",
           "romanians", "poles", "nigerians", "somalis", "russians", "eastern europeans",
           "bangladeshis", "albanians", "afghans", "syrians", "turks", "natives",
           "aborigines", "ethnic minorities", "negroes", "negro", "orientals", "ukrainians",
           "irish", "scots", "welsh", "english", "europeans", "americans", "french",
           "germans", "italians", "africa", "india", "pakistan", "mexico", "jewish people",
           "african americans", "turks", "arabs", "whites", "france", "germany", "poland",
           "romania", "nigeria", "somalia", "syria", "afghanistan", "iraq", "iran", "turkey",
           "albania", "china", "russia", "ukraine", "israel", "palestine", "palestinians",
           "israelis", "serbia", "serbs", "bulgaria", "bulgarians", "dominicans", "haitians",
           "norwegians", "scandinavians", "third world", "aliens", "illegal aliens",
           "europe", "canada", "canadians", "sweden", "swedes", "norway",
           "slovakia", "slovaks", "spaniards", "brits", "yanks",
           "latinx", "hispanic people", "caucasians", "the blacks", "the jews", "zionists",
           "your race", "your skin", "your colour", "your color",
           "skin colour", "skin color", "your accent", "your ethnicity",
           # Calls to deport or send people "back" are about national origin or immigration
           # status even when the group is not named.
           "deport them", "deport them all", "go back to your country", "back to your country",
           "go back where you came from", "back to your own country",
           "back to their own country", "back to their country", "back to your homeland",
           "across the border", "back across the border"),
    RELIGION: ("muslims", "muslim", "moslems", "islam", "christians", "christian",
               "christianity", "catholics", "hindus", "hindu", "sikhs", "sikh", "buddhists",
               "buddhism", "atheists", "judaism", "hinduism", "religion", "religions",
               "believers", "jehovahs witnesses", "mormons", "allah", "the quran", "hijab",
               "niqab", "burka", "burqa", "sharia", "sharia law", "quran", "koran",
               "mosque", "mosques", "islamists", "islamist", "muhammad", "mohammed",
               "catholicism", "church", "churches", "synagogues"),
    SEX: ("women", "woman", "girls", "females", "female", "ladies", "wives", "girlfriends",
          "feminists", "feminist", "feminism", "men", "males", "blokes", "mothers", "mums",
          "waitresses", "chicks", "broads", "girlies", "your sex", "the weaker sex"),
    ORIENTATION: ("gays", "lesbians", "lesbian", "homosexuals", "homosexual",
                  "homosexuality", "bisexuals", "queers", "lgbt", "lgbtq", "lgbtq+",
                  "lgbt community", "gay community", "the gays", "transgenderism",
                  "gay marriage", "lgbq", "lgbtqia", "gay pride", "pride", "gays and lesbians",
                  "gender", "genders", "sex change", "gender ideology",
                  "your sexuality", "your gender"),
    DIAGNOSIS: ("the mentally ill", "mentally ill people", "mental patients",
                "psychiatric patients", "schizophrenics", "psychotics", "depressives",
                "anorexics", "addicts", "junkies", "alcoholics", "autistics",
                "people with mental illness", "people with mental health problems",
                "people with depression", "people with autism", "people with adhd",
                "people with schizophrenia", "people with bipolar", "mental health patients",
                "service users", "fatties", "fat people", "diabetics", "cancer patients",
                "people with hiv", "people with aids", "the sick", "down syndrome",
                "down's syndrome", "downs syndrome", "autism", "autistic", "autists",
                "mental illness", "mentally handicapped", "handicapped", "special needs",
                "wheelchair", "wheelchairs", "cripples", "dyslexia",
                "dyspraxia", "deaf", "blind"),
    # A group referred to without naming it: hostility to "people like you" or "these
    # people" is aimed at a group all the same.
    UNNAMED: ("people like you", "people like them", "people like that", "you people",
              "your kind", "their kind", "these people", "those people", "that lot",
              "your lot", "these dogs", "these animals", "these rats", "these parasites",
              "these leeches", "these savages", "those animals", "those savages"),
    STATUS: ("poor people", "the poor", "the homeless", "homeless people", "benefit claimants",
             "people on benefits", "scroungers", "the unemployed", "working class",
             "council estate people", "chavs", "pikeys", "peasants", "the underclass"),
}

# Slurs with the characteristic they target. Shown masked in evidence.
SLURS: dict[str, tuple[str, ...]] = {
    RACE: ("nigger", "niggers", "nigga", "niggas", "nigguh", "negroid", "coon", "coons",
           "wetback", "wetbacks", "spic", "spics", "chink", "chinks", "chinky", "gook", "gooks",
           "paki",
           "pakis", "kike", "kikes", "raghead", "ragheads", "towelhead", "towelheads",
           "sandnigger", "sandniggers", "beaner", "beaners", "gyppo", "gyppos", "pikey",
           "golliwog", "golliwogs", "jungle bunny", "jungle bunnies", "porch monkey",
           "porch monkeys", "camel jockey", "zipperhead", "yid", "yids", "dago", "wop",
           "abo", "abos", "wog", "wogs", "sambo", "darkie", "darkies", "jigaboo", "coolie",
           "slant eyes", "slanty", "rapefugee", "rapefugees", "shitskin", "shitskins",
           "mudslime", "mudslimes", "halfbreed", "half breed", "mongrels"),
    RELIGION: ("muzzie", "muzzies", "muzrat", "muzrats", "jihadi", "jihadis",
               "goatfucker", "goatfuckers", "camel fucker", "camel fuckers", "camelfucker",
               "camelfuckers", "goat fucker", "goat fuckers", "christfag", "kafir", "bible basher",
               "bible bashers"),
    ORIENTATION: ("faggot", "faggots", "fag", "fags", "faggy", "dyke", "dykes", "lezza",
                  "lezzas", "poof", "poofs", "poofter", "poofters", "batty boy",
                  "bum boy", "homo", "homos", "queer", "queers", "fudge packer", "lesbo",
                  "lesbos", "sodomite", "sodomites"),
    GENDER_REASSIGNMENT: ("tranny", "trannies", "trannys", "shemale", "shemales",
                          "ladyboy", "ladyboys", "he she", "troon", "troons",
                          "trannie"),
    SEX: ("bitch", "bitches", "whore", "whores", "slut", "sluts", "slag", "slags", "hoe",
          "hoes", "skank", "skanks", "thot", "thots", "feminazi", "feminazis"),
    DISABILITY: ("retard", "retards", "retarded", "mong", "mongs", "mongol", "spaz",
                 "spazz", "spazzes", "spastic", "spastics", "cripple", "cripples",
                 "window licker", "window lickers", "tard", "tards",
                 "libtard"),
    DIAGNOSIS: ("schizo", "schizos", "psycho", "psychos", "nutter", "nutters", "loony",
                "loonies", "lunatic", "lunatics", "nutjob", "nutjobs", "headcase",
                "basket case", "crackhead", "crackheads", "junkie", "druggie", "druggies",
                "fatso", "fatsos", "lardass"),
    STATUS: ("chav", "chavs", "scrounger", "scroungers", "dole scum", "trailer trash",
             "white trash", "gypo", "pleb", "plebs"),
}

# Slurs that are also the everyday word for something else; they count only with a person.
HOMONYM_SLURS = frozenset(
    {"fag", "fags", "faggot", "faggots", "queer", "bitch", "bitches", "hoe", "hoes", "coon",
     "spic", "dyke", "dykes", "mong", "homo", "slag", "psycho",
     "junkie", "loony", "lunatic", "poof", "nutter", "mongrels", "chav", "chavs", "pleb",
     "plebs", "jihadi", "jihadis", "he she", "cripple", "wop", "abo", "dago",
     "tard", "yid"}
)

# Words next to a homonym that show the everyday sense (cigarettes, dogs, gardens, food).
HOMONYM_CONTEXT = frozenset(
    {"smoking", "smoke", "smoked", "cigarette", "cigarettes", "packet", "lighter", "fag end",
     "dog", "dogs", "puppy", "puppies", "labrador", "vet", "breed", "breeding", "litter",
     "kennel", "whelped", "greyhound", "spaniel", "terrier", "collie", "barking", "garden",
     "gardening", "field", "soil", "weeds", "allotment", "butcher", "gravy", "onions",
     "meatballs", "oven", "dinner", "recipe", "mash", "peas", "feeling", "notion", "feel",
     "strange", "odd", "weird", "queerly", "raccoon", "raccoons", "tycoon", "cocoon",
     "theory", "studies", "eye", "cinema", "art", "soup", "planting", "tool", "rake",
     "shovel", "bath", "garage", "trap door", "mouse", "music", "beat", "genre", "boxing",
     "coal", "mining", "slag heap", "ore", "furnace", "puzzle", "crossword", "bit", "seemed",
     "seems", "looked", "sounded", "very", "rather", "quite", "slightly", "somewhat", "walls",
     "wall", "embankment", "embankments", "flooding", "flood", "floods", "built", "building",
     "sea", "beach", "river", "water", "cooked", "cooking", "delicious", "ate", "eat", "tasty",
     "food", "faggots and", "butchers", "pub", "cig", "cigs", "ciggies", "tobacco"}
)


# Nationalities and peoples are an open class: a capitalised plural ending like these
# ("Moldovans", "Congolese", "Yemenis") names one even when no list holds it.
DEMONYM_ENDINGS = ("ians", "ans", "ese", "anis", "enis", "aelis", "aqis", "ites")
# Capitalised plurals with those endings that are not peoples.
NOT_DEMONYMS = frozenset({
    "humans", "fans", "veterans", "republicans", "vegans", "vegetarians", "physicians",
    "musicians", "politicians", "technicians", "electricians", "librarians", "clinicians",
    "magicians", "beauticians", "statisticians", "opticians", "mathematicians", "comedians",
    "guardians", "civilians", "pedestrians", "historians", "custodians", "dietitians",
    "paediatricians", "pediatricians", "obstetricians", "parliamentarians", "titans",
    "trojans", "spartans", "partisans", "artisans", "veterinarians", "organs", "plans",
    "scans", "loans", "cans", "vans", "clans", "beans", "jeans", "means", "deans", "oceans",
    "slogans", "orphans", "pans", "bans", "tans", "swans", "pelicans", "toucans", "sedans",
    "cardigans", "caravans", "divans", "shenanigans", "hooligans", "charlatans", "sites",
    "bites", "whites", "rites", "kites", "favourites", "suites", "satellites", "termites",
    "parasites", "hypocrites", "socialites", "elites",
    # Professions and roles of a health service, and everyday words, with the same endings.
    "dieticians", "morticians", "academicians", "logicians", "patricians", "cosmeticians",
    "optometrians", "podiatrians", "audiologians", "geriatricians", "psychiatricians",
    "samaritans", "humanitarians", "libertarians", "authoritarians", "totalitarians",
    "contrarians", "disciplinarians", "egalitarians", "utilitarians", "grammarians",
    "valedictorians", "reptilians", "mammalians", "martians", "olympians", "thespians",
    "antiquarians", "agrarians", "seminarians", "rotarians", "freudians", "darwinians",
    "victorians", "edwardians", "georgians", "spans", "lifespans", "timespans", "wingspans",
    "kaftans", "caftans", "sultans", "shamans", "talismans", "ottomans", "catamarans",
    "suntans", "cheese", "legalese", "journalese", "manganese", "officialese", "websites",
    "campsites", "composites", "opposites", "appetites", "invites", "writes", "excites",
    "incites", "unites", "ignites", "recites", "sprites", "meteorites", "granites",
    "prerequisites", "requisites", "ammonites", "vegetables", "tibians", "fallopians",
})
