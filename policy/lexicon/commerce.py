"""Advertising, spam and scams (intention of personal financial gain)."""

from __future__ import annotations

PROMOTION = (
    "buy now", "order now", "shop now", "book now", "sign up now", "my discount code",
    "promo code", "coupon code", "voucher code", "use code", "use my code", "off your first",
    "per cent off", "percent off", "free shipping", "free delivery", "limited offer",
    "limited time offer", "special offer", "best price", "best prices", "lowest prices",
    "cheapest prices", "click here", "link in my bio",
    "check out my", "visit my website", "visit my shop", "visit my page",
    "visit our shop",
    "follow my page", "follow me", "subscribe to my",
    "like and follow", "dm me for", "dm for details", "dm for prices",
    "dm for collab", "collab", "brand ambassador", "ambassadors wanted", "get yours",
    "grab yours", "shop link", "our new range", "new collection", "now in stock",
    "available now", "on sale", "sale now on", "flash sale", "hurry", "while stocks last",
    "order yours", "mention this post", "i am offering",
    "100% guaranteed", "money back guarantee",
    "seo services", "web design services", "followers cheap", "buy followers",
    "gain followers", "get more followers", "boost your", "grow your account",
    "promote your", "promotion for", "advertise with us", "advertise your", "sponsored post",
    "giveaway", "giving away", "enter now", "competition to win", "f4f",
    "follow for follow", "follow back", "sub4sub", "check my channel", "my youtube channel",
    "subscribe to my channel", "my etsy", "shop on my website", "order from my website",
)
# Calls to action that are promotion only with something for sale (price, offer, shop).
PROMOTION_WEAK = (
    "check out our", "visit our website", "follow us", "like and share", "we are offering",
    "click the link", "link in bio", "subscribe to our", "discount code", "dm us",
)
SPAM_MARKERS = (
    "click", "link", "bio", "dm", "follow", "subscribe", "offer", "deal", "deals", "sale",
    "discount", "promo", "free", "win", "cash", "money", "earn", "profit", "shop", "buy",
    "order", "cheap", "price", "guaranteed", "limited", "exclusive", "now",
)
# Offers of income ("make £500 a week from home", "my trading signals"): advertising when
# the post also calls people to act (DM me, join my Telegram, click, limited places).
INCOME = (
    "make money", "making money", "earn money", "earning money", "earn from home",
    "from home", "work from home", "working from home", "trading signals", "signals",
    "passive income", "side hustle", "extra income", "second income", "financial freedom",
    "be your own boss", "your own boss", "make money online", "quit your job",
    "quit your 9 5", "income", "profit", "profits", "earnings", "mentorship", "copy my trades",
)
CALL_TO_ACT = (
    "dm me", "message me", "inbox me", "pm me", "contact me", "join my", "join our",
    "join now", "click", "link in bio", "limited places", "limited spaces", "limited spots",
    "places left", "spaces left", "spots left", "start today", "sign up", "register now",
    "telegram", "whatsapp", "send me a message", "drop me a message", "ask me how",
    "comment info", "dm info", "apply now", "slots",
)
LURE = ("contact me", "dm me", "message me", "whatsapp", "telegram", "link below", "inbox me",
        "join my team", "contact him", "contact her")
SCAM = (
    "send me money", "send money", "paypal me", "cashapp", "cash app me", "venmo me",
    "western union", "moneygram", "gift card", "gift cards", "itunes card", "steam card",
    "bitcoin", "btc", "crypto", "cryptocurrency", "ethereum", "usdt", "forex", "binary options",
    "nft", "nfts", "investment opportunity", "invest with", "investing with", "invest now",
    "double your money", "double your investment", "triple your", "guaranteed returns",
    "guaranteed profit", "passive income", "earn from home", "work from home and earn",
    "earn £", "earn $", "make money fast", "make money online", "get rich", "financial freedom",
    "account manager", "investment manager", "trading expert", "trading signals",
    "recover your lost funds", "recover lost funds", "funds recovery", "hacked account recovery",
    "account recovery expert", "you have won", "you've won", "you are a winner",
    "claim your prize", "claim your reward", "claim now", "selected to receive", "lottery",
    "inheritance", "beneficiary", "wire transfer", "bank details", "your bank details",
    "processing fee", "release fee", "loan offer", "instant loan", "payday loan",
    "debt free", "cash prize", "send your details", "verify your account", "whatsapp me",
    "telegram me", "contact him on", "contact her on", "mining", "airdrop", "giveaway",
    "elon", "grant money", "government grant", "covid grant", "tax refund", "admin fee",
    "release fee", "fee to collect", "fee to claim", "fee to release", "money mule",
    "become a money mule", "receive and forward", "join my team", "large inheritance",
)
SOLICIT = (
    "donate to me", "donate to my", "my gofundme", "gofundme", "go fund me", "my fundraiser",
    "sponsor me", "please donate", "send me a few quid", "lend me money", "lend me",
    "need money", "need cash", "buy me a coffee", "ko fi", "kofi", "patreon", "my paypal",
    "paypal me", "on paypal", "sort code", "account number", "my just giving", "justgiving",
)
CHARITY_SAFE = (
    "hospital charity", "our charity", "trust charity", "charity run", "fun run",
    "nhs charities", "nhs charity", "mind charity", "samaritans", "fundraising for the ward",
    "for the ward", "for the hospital", "for mind", "for rethink", "for the nhs",
    "in memory of", "in memory", "raising money for", "raised money for", "raised £",
    "raised for", "for the unit", "thank you", "thanks",
)
