"""Conflict profiles (being built): parties, issues as propositions, cue phrases."""


def load(name_or_path: str = "russia-ukraine"):
    return None
