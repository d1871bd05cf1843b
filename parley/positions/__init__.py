"""positions stage (being built). Entry function: `extract(ctx) -> list`."""
from ..context import Context


def extract(ctx: Context) -> list:
    return []
