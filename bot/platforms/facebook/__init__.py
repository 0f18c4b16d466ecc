"""A Facebook Page through facebook-sdk: reading the feed, comments and Messenger, parsing Graph
payloads, writing actions, and the optional signed webhooks."""
