"""What each kind of question asks a sentence to hold, one module a kind of thing asked for:
dates (when), numbers (how many, how much), names (who), places (where); by_kind picks one."""
