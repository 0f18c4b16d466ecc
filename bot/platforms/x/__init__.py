"""X (Twitter) through tweepy: reading mentions and DMs, parsing its payloads, writing actions."""
