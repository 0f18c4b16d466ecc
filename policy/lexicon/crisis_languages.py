"""Crisis phrases in the languages most spoken in the trust's area after English (Polish,
Lithuanian, Portuguese, Romanian) and in Welsh: suicidal thoughts, self-harm, wanting to
die, being a burden, saying goodbye.

Written as people type them, with or without accents: matching runs on the normalised text,
where "chcę się zabić" and "chce sie zabic" are the same. Only first-person or plainly
personal phrasings are listed, and no phrase is an everyday figure of speech ("this queue
will kill me", Portuguese "vai me matar", is not listed). A phrase about someone else in
the same words ("ona chce się zabić", she wants to kill herself) is a crisis too.
"""

from __future__ import annotations

CRISIS_PHRASES: dict[str, tuple[str, ...]] = {
    "pl": (
        "chcę się zabić", "chce mi się umrzeć", "zabiję się", "zabije sie dzisiaj",
        "chcę umrzeć", "chciałbym umrzeć", "chciałabym umrzeć", "wolę umrzeć",
        "nie chcę żyć", "nie chcę już żyć", "nie chce mi się żyć", "nie mam po co żyć",
        "nie widzę sensu życia", "nie widzę sensu żeby żyć", "mam myśli samobójcze",
        "myśli samobójcze", "myślę o samobójstwie", "popełnię samobójstwo",
        "popełnić samobójstwo", "odebrać sobie życie", "odbiorę sobie życie",
        "targnąć się na życie", "tnę się", "znowu się tnę", "okaleczam się",
        "samookaleczenie", "robię sobie krzywdę", "zrobię sobie krzywdę",
        "lepiej by było beze mnie", "wszystkim będzie lepiej beze mnie",
        "jestem ciężarem", "żegnajcie wszyscy", "skoczę z mostu", "rzucę się pod pociąg",
        "łyknę wszystkie tabletki", "połknę wszystkie tabletki", "nie dam rady dłużej żyć",
    ),
    "lt": (
        "noriu nusižudyti", "nusižudysiu", "ketinu nusižudyti", "galvoju apie savižudybę",
        "savižudiškos mintys", "savižudiškų minčių", "nebenoriu gyventi", "nenoriu gyventi",
        "noriu mirti", "norėčiau mirti", "geriau numirsiu", "pjaustau save",
        "vėl pjaustausi", "žaloju save", "susižaloti", "nebematau prasmės gyventi",
        "nematau prasmės gyventi", "visiems būtų geriau be manęs", "esu našta",
        "atsisveikinu su visais", "nebegaliu taip gyventi", "išgersiu visas tabletes",
        "nušoksiu nuo tilto",
    ),
    "pt": (
        "quero morrer", "queria morrer", "vou me matar", "vou-me matar", "quero me matar",
        "quero matar-me", "penso em suicídio", "penso em me matar", "pensamentos suicidas",
        "ideias suicidas", "não quero mais viver", "não quero viver mais",
        "não aguento mais viver", "tirar a minha vida", "tirar minha própria vida",
        "acabar com a minha vida", "acabar com tudo hoje", "estou me cortando",
        "eu me corto", "voltei a cortar-me", "me machucar de propósito", "automutilação",
        "todos ficariam melhor sem mim", "ficavam melhor sem mim", "sou um fardo",
        "não vejo razão para viver", "não tenho razão para viver", "adeus a todos",
        "vou tomar todos os comprimidos", "vou saltar da ponte", "vou pular da ponte",
    ),
    "ro": (
        "vreau să mor", "aș vrea să mor", "vreau să mă sinucid", "mă sinucid",
        "o să mă sinucid", "mă gândesc la sinucidere", "gânduri de sinucidere",
        "gânduri suicidare", "nu mai vreau să trăiesc", "nu mai vreau să fiu în viață",
        "să-mi iau viața", "îmi iau viața", "să-mi pun capăt zilelor",
        "îmi pun capăt zilelor", "mă tai pe mâini", "mă tai iar", "mă autovătăm",
        "automutilare", "toți ar fi mai bine fără mine", "sunt o povară",
        "nu mai are rost să trăiesc", "nu mai am pentru ce trăi", "îmi iau adio de la toți",
        "iau toate pastilele", "mă arunc de pe pod",
    ),
    "cy": (
        "dw i eisiau marw", "dwi eisiau marw", "rydw i eisiau marw", "dwi isio marw",
        "dw i isio marw", "lladd fy hun", "ladd fy hun", "lladd fy hunan", "ladd fy hunan",
        "meddyliau hunanladdol", "meddwl am hunanladdiad", "meddwl am ladd fy hun",
        "dw i ddim eisiau byw", "dwi ddim eisiau byw", "dwi ddim isio byw",
        "does dim pwynt byw", "sdim pwynt byw", "hunan-niweidio", "torri fy hun",
        "brifo fy hun", "niweidio fy hun", "byddai pawb yn well hebdda i",
        "byddai pawb yn well hebddo i", "dw i'n faich", "dwi'n faich", "hwyl fawr i bawb am byth",
    ),
}
