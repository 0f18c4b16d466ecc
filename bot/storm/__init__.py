"""Storm mode: a pile-on folded into one counting alert, what its posts share, the group alert
kept current and the paced bulk hide.

May import: everything below it (`core/` ... `moderation/`) and `policy`.
"""
