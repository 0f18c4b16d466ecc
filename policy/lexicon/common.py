"""Everyday words that spelling-repair must never turn into something else, and contractions."""

from __future__ import annotations

# Fuzzy repair ("klil" -> "kill") must not rewrite real words ("ill", "skill", "omen").
_COMMON = """
    a about above across act add after again against age ago agree ah aid all allow almost
    alone along already also although always am among an and angry animal another answer any
    anyone anything appear apple are area arm army around art as ask at aunt away baby back
    bad bag ball band bank bar base bath be bear beat bed been before began begin behind
    being bell belt best better between big bill bird bit black blade blame bless blind
    block blood blow blue board boat body bone book born both bottle bottom box boy brain
    bread break bring brother brown build built burst bus busy but buy by cake call calm
    came can cap car card care case cat catch caught cause cell cent chair chance change
    check child chin city class clean clear close cloth coat cold come cook cool copy corn
    cost could count course cover cow crew cry cup cut dad damn dark date daughter day dead
    deal dear death deep did die diet dig dinner do doctor does dog done door down draw
    dream dress drink drive drop dry due during each ear early earth east easy eat egg eight
    either else end enough even ever every eye face fact fair fall family far farm fast fat
    father fear feel feet fell felt few field fill film find fine fire first fish five flat
    floor fly food foot for form four free friend from front full fun game gave get gift
    girl give glad go god gold gone good got great green grow had hair half hall hand happy
    hard has hat have he head hear heard heart heat held help her here high hill him his hit
    hold hole home hope horse hot hour house how huge hurt husband i ice idea if ill in inch
    into is it its job join joke just keep kept key kid kind king kiss knew know lady lake
    land last late law lay lead learn least leave led left leg less let letter lie life lift
    light like line lion list little live long look lost lot love low luck mad made mail
    main make male man many map mark may me meal mean meat meet men met mid might mile milk
    mind mine miss mom money moon more morning most mother move much mum must my name near
    neck need never new news next nice night nine no none nor nose not note now number nurse
    of off often oil old on once one only open or order other our out over own page paid
    pain pair paper park part party pass past path pay pen people per pet pick piece pig pin
    place plan play please plenty pool poor post pot pound power press pretty pull push put
    queen quick quiet race rain ran rate read real red rest rich ride right ring rise river
    road rock role roll room root rose round row rule run sad safe said sale salt same sat
    save saw say scale school sea seat see seem seen self sell send sent set seven shall she
    ship shoe shop short shot should show shut sick side sign simple since sing sir sister
    sit six size skill skin sky sleep slow small smell smile snow so soft some son song soon
    sort sound south space speak spell spend spot spring staff stand star start state stay
    step still stone stop store story street such sun sure swim table tail take talk tall
    tax tea teach team tear tell ten test than thank that the their them then there these
    they thin thing think this those though three through throw tie time tiny tip to today
    together told tomorrow too took top total touch town toy tree trip true try turn twice
    two under unit until up upon us use very visit voice wait walk wall want war warm was
    wash watch water way we wear week well went were west wet what wheel when where which
    while white who whole why wide wife will win wind window wing winter wish with woman
    women won wood word work world worry would write wrong yard year yes yet you young your
    omen amen ward wards waiting waited later pills meds drug drugs asked asking teams
    thanks service services cares caring nurses doctors appointment appointments skills kill
    kills killed filled silly sill till gill mill pill hated hater heated mate gate fate hut
    gay guy gym gum gut gas gap gab ban bin bun bat pat pit rat rot cot kit kin moan rope
    ripe scum scam swam scrum scar scare rape wrap wipe lick lack lock shit sheet suit spit
    split slit slot slut slat sloth cock cork dock duck dick deck dice vice twit twist wit
    whit whore heir whose hose homo hoe toe fag fog fig flag gray grey gal gel nigh ho hi oh
    ok okay yeah yep nope hello bye cheers lol lmao omg pls plz thx behaviour behavior lives
"""
COMMON_WORDS = frozenset(_COMMON.split())

# Contractions and chat spellings, expanded so "dont", "don't" and "do not" read the same.
CONTRACTIONS: dict[str, str] = {
    "don't": "do not", "dont": "do not", "doesn't": "does not", "doesnt": "does not",
    "didn't": "did not", "didnt": "did not", "can't": "can not", "cant": "can not",
    "cannot": "can not", "won't": "will not", "wont": "will not", "isn't": "is not",
    "isnt": "is not", "aren't": "are not", "arent": "are not", "wasn't": "was not",
    "wasnt": "was not", "weren't": "were not", "werent": "were not", "wouldn't": "would not",
    "wouldnt": "would not", "shouldn't": "should not", "shouldnt": "should not",
    "couldn't": "could not", "couldnt": "could not", "haven't": "have not",
    "havent": "have not", "hasn't": "has not", "hasnt": "has not", "hadn't": "had not",
    "hadnt": "had not", "mustn't": "must not", "mustnt": "must not", "ain't": "is not",
    "aint": "is not", "needn't": "need not", "i'm": "i am", "im": "i am", "i've": "i have",
    "ive": "i have", "i'd": "i would", "i'll": "i will", "you're": "you are",
    "youre": "you are", "you've": "you have", "youve": "you have", "you'll": "you will",
    "youll": "you will", "you'd": "you would", "youd": "you would", "they're": "they are",
    "theyre": "they are", "they've": "they have", "theyve": "they have",
    "they'll": "they will", "theyll": "they will", "they'd": "they would",
    "we're": "we are", "we've": "we have", "we'll": "we will", "we'd": "we would",
    "he's": "he is", "hes": "he is", "she's": "she is", "shes": "she is", "it's": "it is",
    "that's": "that is", "thats": "that is", "there's": "there is", "theres": "there is",
    "what's": "what is", "whats": "what is", "who's": "who is", "let's": "let us",
    "lets": "let us", "he'll": "he will", "she'll": "she will", "it'll": "it will",
    "he'd": "he would", "she'd": "she would", "it'd": "it would", "that'd": "that would",
    "who'd": "who would", "there'd": "there would",
    "u": "you", "ur": "your", "ya": "you", "yall": "you all", "y'all": "you all",
    "gonna": "going to", "wanna": "want to", "gotta": "got to", "tryna": "trying to",
    "coz": "because", "cos": "because", "cuz": "because", "bc": "because", "pls": "please",
    "plz": "please", "ppl": "people", "thx": "thanks", "ty": "thank you", "tho": "though",
    "dunno": "do not know", "idk": "i do not know", "imo": "in my opinion",
    "luv": "love", "wud": "would", "shud": "should", "cud": "could", "r": "are",
    "n": "and", "em": "them", "im'": "i am", "iam": "i am", "kys": "kill yourself",
}
